import {Box, Text} from 'ink';
import {useMemo} from 'react';

import {
	type ByteUnits,
	formatBytes,
	formatRate,
} from '../format/format-bytes.js';
import {sanitizeText} from '../format/sanitize-text.js';
import type {UserRow} from '../model/types.js';
import type {DeviceRow} from '../model/user-devices.js';
import type {Column} from './table-layout.js';
import {TablePane} from './table-pane.js';

const deviceColumns = (
	units: ByteUnits,
	hasServerColumn: boolean,
): ReadonlyArray<Column<DeviceRow>> => [
	...(hasServerColumn
		? [
				{
					title: 'SERVER',
					width: 16,
					align: 'left',
					priority: 1,
					cell: (row: DeviceRow) => sanitizeText(row.server ?? ''),
				} as const,
			]
		: []),
	{
		title: 'DEVICE (CONN)',
		width: 13,
		align: 'left',
		priority: 0,
		cell: row => row.connection.toString(16).toUpperCase().padStart(8, '0'),
	},
	{
		title: 'STREAMS',
		width: 7,
		align: 'right',
		priority: 0,
		cell: row => String(row.streams),
	},
	{
		title: 'UP/s',
		width: 11,
		align: 'right',
		priority: 0,
		cell: row => formatRate(row.upRate, units),
	},
	{
		title: 'DOWN/s',
		width: 11,
		align: 'right',
		priority: 0,
		cell: row => formatRate(row.downRate, units),
	},
	{
		title: 'UP',
		width: 9,
		align: 'right',
		priority: 2,
		cell: row => formatBytes(row.up, units),
	},
	{
		title: 'DOWN',
		width: 9,
		align: 'right',
		priority: 2,
		cell: row => formatBytes(row.down, units),
	},
];

export type ZoomSummaryProps = {
	readonly userId: string;
	readonly row: UserRow | undefined;
	readonly breakdown: ReadonlyArray<{server: string; row: UserRow}>;
	readonly devices: readonly DeviceRow[];
	readonly units: ByteUnits;
	readonly width: number;
	/** Rows for the devices table. */
	readonly height: number;
	readonly hasServerColumn: boolean;
};

/** The top of the zoomed view: who, where, and each device's traffic. */
export const ZoomSummary = ({
	userId,
	row,
	breakdown,
	devices,
	units,
	width,
	height,
	hasServerColumn,
}: ZoomSummaryProps) => {
	const columns = useMemo(
		() => deviceColumns(units, hasServerColumn),
		[units, hasServerColumn],
	);
	const online =
		row?.devices === undefined ? 'devices unknown' : `${row.devices} online`;

	return (
		<Box flexDirection="column" width={width}>
			<Text bold wrap="truncate">
				{`Zoom: "${sanitizeText(userId)}" · ${online} · `}
				{row
					? `up ${formatRate(row.upRate, units)} down ${formatRate(row.downRate, units)}`
					: 'no traffic on record'}
				<Text dimColor> (Esc back)</Text>
			</Text>
			{breakdown.length > 1 && (
				<Text wrap="truncate">
					{breakdown
						.map(
							entry =>
								`${sanitizeText(entry.server)}: ` +
								`${entry.row.devices ?? '?'} dev, ` +
								`${formatRate(entry.row.upRate + entry.row.downRate, units)}`,
						)
						.join('  ·  ')}
				</Text>
			)}
			<TablePane
				title="Devices with open streams"
				columns={columns}
				rows={devices}
				selectedIndex={0}
				isFocused={false}
				width={width}
				height={height}
				emptyText="No open streams for this user."
			/>
		</Box>
	);
};

