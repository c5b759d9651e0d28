import type {StreamState} from '../api/types.js';
import {formatBytes, formatRate} from '../format/format-bytes.js';
import {formatDuration} from '../format/format-duration.js';
import {sanitizeText} from '../format/sanitize-text.js';
import type {StreamRow} from '../model/types.js';
import type {Column} from './table-layout.js';
import {TablePane} from './table-pane.js';

const stateColors: Readonly<Record<StreamState, string>> = {
	init: 'yellow',
	hook: 'magenta',
	connect: 'blue',
	estab: 'green',
	closed: 'gray',
	unknown: 'red',
};

export const streamColumns: ReadonlyArray<Column<StreamRow>> = [
	{
		title: 'USER',
		width: 10,
		align: 'left',
		priority: 0,
		grow: 1,
		cell: row => sanitizeText(row.user),
	},
	{
		title: 'STATE',
		width: 7,
		align: 'left',
		priority: 1,
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
		width: 20,
		align: 'left',
		priority: 0,
		grow: 3,
		cell: row => sanitizeText(row.reqAddr),
	},
	{
		title: 'SNIFFED',
		width: 14,
		align: 'left',
		priority: 4,
		grow: 1,
		cell: row => (row.hookedReqAddr ? sanitizeText(row.hookedReqAddr) : '-'),
	},
	{
		title: 'UP/s',
		width: 10,
		align: 'right',
		priority: 2,
		cell: row => formatRate(row.upRate),
	},
	{
		title: 'DOWN/s',
		width: 10,
		align: 'right',
		priority: 2,
		cell: row => formatRate(row.downRate),
	},
	{
		title: 'UP',
		width: 9,
		align: 'right',
		priority: 5,
		cell: row => formatBytes(row.up),
	},
	{
		title: 'DOWN',
		width: 9,
		align: 'right',
		priority: 5,
		cell: row => formatBytes(row.down),
	},
	{
		title: 'AGE',
		width: 7,
		align: 'right',
		priority: 3,
		cell: row => formatDuration(row.lifetimeMs),
	},
	{
		title: 'IDLE',
		width: 6,
		align: 'right',
		priority: 3,
		cell: row => formatDuration(row.idleMs),
	},
];

export type StreamsPaneProps = {
	readonly rows: readonly StreamRow[];
	readonly selectedIndex: number;
	readonly isFocused: boolean;
	readonly width: number;
	readonly height: number;
	/** Why there is nothing to list, when the server cannot say. */
	readonly unavailableText: string | undefined;
};

const streamKey = (row: StreamRow) => row.key;

export const StreamsPane = ({
	rows,
	selectedIndex,
	isFocused,
	width,
	height,
	unavailableText,
}: StreamsPaneProps) => (
	<TablePane
		title="Streams"
		columns={streamColumns}
		rows={rows}
		rowKey={streamKey}
		selectedIndex={selectedIndex}
		isFocused={isFocused}
		width={width}
		height={height}
		emptyText={unavailableText ?? 'No open proxy streams.'}
	/>
);
