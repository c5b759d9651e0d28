import {useMemo} from 'react';

import type {StreamState} from '../api/types.js';
import {
	type ByteUnits,
	formatBytes,
	formatRate,
} from '../format/format-bytes.js';
import {formatDuration} from '../format/format-duration.js';
import {sanitizeText} from '../format/sanitize-text.js';
import type {FleetStreamRow} from '../model/aggregate-users.js';
import type {StreamSortKey} from '../model/sort-rows.js';
import type {Colour} from './paint.js';
import type {Column} from './table-layout.js';
import {TablePane} from './table-pane.js';
import type {Sort} from './ui-state.js';

const stateColors: Readonly<Record<StreamState, Colour>> = {
	init: 'yellow',
	hook: 'magenta',
	connect: 'blue',
	estab: 'green',
	closed: 'gray',
	unknown: 'red',
};

export type StreamColumnContext = {
	readonly units: ByteUnits;
	/** Several servers are watched: say which one each stream is on. */
	readonly hasServerColumn: boolean;
	/** Columns for server names: the longest, within reason. */
	readonly serverWidth?: number;
};

export const streamColumns = ({
	units,
	hasServerColumn,
	serverWidth = 8,
}: StreamColumnContext): ReadonlyArray<Column<FleetStreamRow>> => [
	...(hasServerColumn
		? [
				{
					title: 'SERVER',
					width: serverWidth,
					align: 'left',
					priority: 1,
					cell: (row: FleetStreamRow) => sanitizeText(row.server ?? ''),
				} as const,
			]
		: []),
	{
		title: 'USER',
		width: 10,
		align: 'left',
		priority: 0,
		grow: 2,
		sortKey: 'user',
		cell: row => sanitizeText(row.user),
	},
	{
		title: 'STATE',
		width: 7,
		align: 'left',
		priority: 1,
		sortKey: 'state',
		cell: row => row.state,
		color: row => stateColors[row.state],
	},
	{
		title: 'CONN',
		width: 8,
		align: 'right',
		priority: 6,
		cell: row => row.connection.toString(16).toUpperCase().padStart(8, '0'),
	},
	{
		title: 'STREAM',
		width: 6,
		align: 'right',
		priority: 7,
		cell: row => String(row.stream),
	},
	{
		title: 'ADDRESS',
		width: 16,
		align: 'left',
		priority: 0,
		grow: 5,
		cell: row => sanitizeText(row.reqAddr),
	},
	{
		title: 'SNIFFED',
		width: 14,
		align: 'left',
		priority: 4,
		grow: 2,
		cell: row => (row.hookedReqAddr ? sanitizeText(row.hookedReqAddr) : '-'),
	},
	{
		title: 'UP/s',
		width: 10,
		align: 'right',
		priority: 2,
		sortKey: 'up-rate',
		cell: row => formatRate(row.upRate, units),
	},
	{
		title: 'DOWN/s',
		width: 10,
		align: 'right',
		priority: 2,
		sortKey: 'down-rate',
		cell: row => formatRate(row.downRate, units),
	},
	{
		title: 'UP',
		width: 9,
		align: 'right',
		priority: 6,
		sortKey: 'up',
		cell: row => formatBytes(row.up, units),
	},
	{
		title: 'DOWN',
		width: 9,
		align: 'right',
		priority: 5,
		sortKey: 'down',
		cell: row => formatBytes(row.down, units),
	},
	{
		title: 'AGE',
		width: 7,
		align: 'right',
		priority: 3,
		sortKey: 'lifetime',
		cell: row => formatDuration(row.lifetimeMs),
	},
	{
		title: 'IDLE',
		width: 6,
		align: 'right',
		priority: 3,
		sortKey: 'idle',
		cell: row => formatDuration(row.idleMs),
	},
];

export type StreamsPaneProps = StreamColumnContext & {
	readonly title?: string;
	readonly rows: readonly FleetStreamRow[];
	/** How many rows there are in all, when `rows` holds only the first. */
	readonly totalCount: number;
	readonly selectedIndex: number;
	readonly isFocused: boolean;
	readonly width: number;
	readonly height: number;
	readonly sort: Sort<StreamSortKey>;
	readonly note: string | undefined;
	/** Why there is nothing to list, when the server cannot say. */
	readonly unavailableText: string | undefined;
};

export const StreamsPane = ({
	title = 'Streams',
	rows,
	totalCount,
	selectedIndex,
	isFocused,
	width,
	height,
	sort,
	note,
	unavailableText,
	units,
	hasServerColumn,
	serverWidth,
}: StreamsPaneProps) => {
	const columns = useMemo(
		() => streamColumns({units, hasServerColumn, serverWidth}),
		[units, hasServerColumn, serverWidth],
	);

	return (
		<TablePane
			title={title}
			columns={columns}
			rows={rows}
			totalCount={totalCount}
			selectedIndex={selectedIndex}
			isFocused={isFocused}
			width={width}
			height={height}
			emptyText={unavailableText ?? 'No open proxy streams.'}
			sort={sort}
			note={note}
		/>
	);
};
