import {useMemo} from 'react';

import {
	type ByteUnits,
	formatBytes,
	formatRate,
} from '../format/format-bytes.js';
import {sanitizeText} from '../format/sanitize-text.js';
import {sparkline} from '../format/sparkline.js';
import type {RateHistory} from '../model/rate-history.js';
import type {SessionTotals} from '../model/session-totals.js';
import type {UserSortKey} from '../model/sort-rows.js';
import type {UserRow} from '../model/types.js';
import type {Colour} from './paint.js';
import type {Column} from './table-layout.js';
import {TablePane} from './table-pane.js';
import type {Sort} from './ui-state.js';

const sparklineWidth = 10;

const presenceText = (row: UserRow): string => {
	if (row.change === 'joined') {
		return row.devices === undefined ? 'new' : `+${row.devices}`;
	}

	if (row.change === 'left') {
		return 'left';
	}

	if (row.presence === 'unknown' || row.devices === undefined) {
		return '?';
	}

	return row.presence === 'offline' ? 'off' : String(row.devices);
};

const changeColor = (row: UserRow): Colour | undefined => {
	if (row.change === 'joined') {
		return 'green';
	}

	return row.change === 'left' ? 'red' : undefined;
};

export type UserColumnContext = {
	readonly units: ByteUnits;
	readonly session: SessionTotals;
	readonly history: RateHistory;
	readonly marked: ReadonlySet<string>;
};

export const userColumns = ({
	units,
	session,
	history,
	marked,
}: UserColumnContext): ReadonlyArray<Column<UserRow>> => [
	{
		title: '',
		width: 1,
		align: 'left',
		priority: 0,
		cell: row => (marked.has(row.id) ? '*' : ' '),
		color: row => (marked.has(row.id) ? 'yellow' : undefined),
	},
	{
		title: 'USER',
		width: 12,
		align: 'left',
		priority: 0,
		grow: 1,
		sortKey: 'id',
		cell: row => sanitizeText(row.id),
	},
	{
		title: 'LAST MINUTE',
		width: sparklineWidth + 1,
		align: 'left',
		priority: 4,
		cell: row =>
			sparkline(
				history.users.get(row.id) ?? [],
				sparklineWidth,
				history.sampleCount,
			),
		color: () => 'cyan',
	},
	{
		title: 'UP/s',
		width: 11,
		align: 'right',
		priority: 1,
		sortKey: 'up-rate',
		cell: row => formatRate(row.upRate, units),
	},
	{
		title: 'DOWN/s',
		width: 11,
		align: 'right',
		priority: 1,
		sortKey: 'down-rate',
		cell: row => formatRate(row.downRate, units),
	},
	{
		title: 'UP TOTAL',
		width: 9,
		align: 'right',
		priority: 3,
		sortKey: 'up',
		cell: row => formatBytes(row.up, units),
	},
	{
		title: 'DOWN TOTAL',
		width: 10,
		align: 'right',
		priority: 3,
		sortKey: 'down',
		cell: row => formatBytes(row.down, units),
	},
	{
		title: 'SESSION',
		width: 9,
		align: 'right',
		priority: 5,
		cell(row) {
			const totals = session.users.get(row.id);
			return formatBytes((totals?.up ?? 0) + (totals?.down ?? 0), units);
		},
	},
	{
		title: 'DEVICES',
		width: 7,
		align: 'right',
		priority: 2,
		sortKey: 'devices',
		cell: presenceText,
		color: changeColor,
	},
];

const dimOffline = (row: UserRow): Colour | undefined =>
	row.presence === 'offline' && row.change === undefined ? 'gray' : undefined;

export type UsersPaneProps = UserColumnContext & {
	readonly rows: readonly UserRow[];
	readonly selectedIndex: number;
	readonly isFocused: boolean;
	readonly width: number;
	readonly height: number;
	readonly sort: Sort<UserSortKey>;
	readonly note: string | undefined;
	/** Said when there are no rows. */
	readonly emptyText: string;
};

export const UsersPane = ({
	rows,
	selectedIndex,
	isFocused,
	width,
	height,
	sort,
	note,
	emptyText,
	units,
	session,
	history,
	marked,
}: UsersPaneProps) => {
	const columns = useMemo(
		() => userColumns({units, session, history, marked}),
		[units, session, history, marked],
	);
	return (
		<TablePane
			title="Users"
			columns={columns}
			rows={rows}
			selectedIndex={selectedIndex}
			isFocused={isFocused}
			width={width}
			height={height}
			emptyText={emptyText}
			rowColor={dimOffline}
			sort={sort}
			note={note}
		/>
	);
};
