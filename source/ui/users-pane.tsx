import {formatBytes, formatRate} from '../format/format-bytes.js';
import {sanitizeText} from '../format/sanitize-text.js';
import type {UserRow} from '../model/types.js';
import type {Column} from './table-layout.js';
import {TablePane} from './table-pane.js';

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

const changeColor = (row: UserRow): string | undefined => {
	if (row.change === 'joined') {
		return 'green';
	}

	return row.change === 'left' ? 'red' : undefined;
};

export const userColumns: ReadonlyArray<Column<UserRow>> = [
	{
		title: 'USER',
		width: 12,
		align: 'left',
		priority: 0,
		grow: 1,
		cell: row => sanitizeText(row.id),
	},
	{
		title: 'UP/s',
		width: 10,
		align: 'right',
		priority: 1,
		cell: row => formatRate(row.upRate),
	},
	{
		title: 'DOWN/s',
		width: 10,
		align: 'right',
		priority: 1,
		cell: row => formatRate(row.downRate),
	},
	{
		title: 'UP TOTAL',
		width: 9,
		align: 'right',
		priority: 3,
		cell: row => formatBytes(row.up),
	},
	{
		title: 'DOWN TOTAL',
		width: 10,
		align: 'right',
		priority: 3,
		cell: row => formatBytes(row.down),
	},
	{
		title: 'DEVICES',
		width: 7,
		align: 'right',
		priority: 2,
		cell: presenceText,
		color: changeColor,
	},
];

const dimOffline = (row: UserRow): string | undefined =>
	row.presence === 'offline' && row.change === undefined ? 'gray' : undefined;

export type UsersPaneProps = {
	readonly rows: readonly UserRow[];
	readonly selectedIndex: number;
	readonly isFocused: boolean;
	readonly width: number;
	readonly height: number;
};

const userKey = (row: UserRow) => row.id;

export const UsersPane = ({
	rows,
	selectedIndex,
	isFocused,
	width,
	height,
}: UsersPaneProps) => (
	<TablePane
		title="Users"
		columns={userColumns}
		rows={rows}
		rowKey={userKey}
		selectedIndex={selectedIndex}
		isFocused={isFocused}
		width={width}
		height={height}
		emptyText="No users yet: nobody has connected or moved traffic."
		rowColor={dimOffline}
	/>
);
