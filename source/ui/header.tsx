import {Box, Text} from 'ink';

import {formatRate} from '../format/format-bytes.js';
import {formatDuration} from '../format/format-duration.js';
import {fitText} from '../format/fit-text.js';
import type {MonitorState} from '../model/monitor-state.js';
import {summariseConnection} from './connection-summary.js';

/** How long the header keeps saying that the counters were reset. */
const resetNoticeMs = 10_000;

export type HeaderProps = {
	readonly url: string;
	readonly isDemo: boolean;
	readonly monitor: MonitorState;
	readonly intervalMs: number;
	readonly isPaused: boolean;
	readonly nowMs: number;
	readonly width: number;
};

export const Header = ({
	url,
	isDemo,
	monitor,
	intervalMs,
	isPaused,
	nowMs,
	width,
}: HeaderProps) => {
	const connection = summariseConnection(
		monitor.status.traffic,
		nowMs,
		isPaused,
	);
	const {totals} = monitor;
	const onlineText =
		monitor.status.online.isSupported
			? `online ${totals.onlineUsers} users, ${totals.devices} devices`
			: 'online: n/a (server too old)';
	const streamsText = monitor.status.streams.isSupported
		? `streams ${totals.activeStreams}`
		: 'streams: n/a (server too old)';
	const isResetRecent =
		monitor.lastResetAtMs !== undefined &&
		nowMs - monitor.lastResetAtMs < resetNoticeMs;
	const demoText = isDemo ? ' DEMO: simulated data ' : '';
	const firstLine = `hytop ${url} · every ${intervalMs / 1000}s · `;

	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text bold>{firstLine}</Text>
				<Text color={connection.color}>{connection.text}</Text>
				{demoText && (
					<Text>
						{'  '}
						<Text inverse color="magenta">
							{demoText}
						</Text>
					</Text>
				)}
			</Text>
			<Text wrap="truncate">
				{fitText(
					[
						`up ${formatRate(totals.upRate)}`,
						`down ${formatRate(totals.downRate)}`,
						onlineText,
						streamsText,
					].join('   '),
					isResetRecent ? Math.max(0, width - 24) : width,
				)}
				{isResetRecent && <Text color="yellow"> counters were reset</Text>}
			</Text>
		</Box>
	);
};
