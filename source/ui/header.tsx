import {Box, Text} from 'ink';

import {type ByteUnits, formatRate} from '../format/format-bytes.js';
import {sanitizeText} from '../format/sanitize-text.js';
import {sparkline} from '../format/sparkline.js';
import type {FleetState} from '../model/fleet-state.js';
import {summariseConnection} from './connection-summary.js';
import {paint, paintBold, paintDim} from './paint.js';

/** How long the header keeps saying that the counters were reset. */
const resetNoticeMs = 10_000;
const graphWidth = 20;

export type HeaderProps = {
	readonly fleet: FleetState;
	readonly isDemo: boolean;
	readonly isReadOnly: boolean;
	readonly intervalMs: number;
	readonly isPaused: boolean;
	readonly nowMs: number;
	readonly width: number;
	readonly units: ByteUnits;
	readonly filter: string;
	readonly isEditingFilter: boolean;
};

const capabilityNote = (fleet: FleetState): string => {
	const missing = fleet.servers.flatMap(server => {
		const {status} = server.monitor;
		const lacks = [
			status.online.isSupported ? '' : '/online',
			status.streams.isSupported ? '' : '/dump/streams',
		].filter(Boolean);
		if (lacks.length === 0) {
			return [];
		}

		const who = fleet.servers.length > 1 ? `${server.name} ` : '';
		return [`${who}has no ${lacks.join(' or ')} (older Hysteria)`];
	});
	return missing.join('; ');
};

export const Header = ({
	fleet,
	isDemo,
	isReadOnly,
	intervalMs,
	isPaused,
	nowMs,
	width,
	units,
	filter,
	isEditingFilter,
}: HeaderProps) => {
	const isFleet = fleet.servers.length > 1;
	const servers = fleet.servers.map(server => ({
		name: isFleet ? server.name : server.url,
		summary: summariseConnection(server.monitor.status.traffic, nowMs, isPaused),
	}));
	let onlineUsers = 0;
	let devices = 0;
	let activeStreams = 0;
	let upRate = 0;
	let downRate = 0;
	let isResetRecent = false;
	for (const {monitor} of fleet.servers) {
		onlineUsers += monitor.totals.onlineUsers;
		devices += monitor.totals.devices;
		activeStreams += monitor.totals.activeStreams;
		upRate += monitor.totals.upRate;
		downRate += monitor.totals.downRate;
		isResetRecent ||=
			monitor.lastResetAtMs !== undefined &&
			nowMs - monitor.lastResetAtMs < resetNoticeMs;
	}

	const note = capabilityNote(fleet);
	const totals = [
		`up ${formatRate(upRate, units)}`,
		sparkline(fleet.history.up, graphWidth, fleet.history.sampleCount).trimStart(),
		` down ${formatRate(downRate, units)}`,
		sparkline(fleet.history.down, graphWidth, fleet.history.sampleCount).trimStart(),
	];
	// Nothing read yet is not the same as nobody online.
	const isKnown = (endpoint: 'online' | 'streams') =>
		fleet.servers.some(
			server => server.monitor.status[endpoint].lastOkAtMs !== undefined,
		);
	const counts =
		(isKnown('online')
			? `  online ${onlineUsers} users, ${devices} devices`
			: '  online ?') +
		(isKnown('streams') ? `  streams ${activeStreams}` : '  streams ?');

	// Each line is one text, coloured in place: one node for Ink to draw.
	// What matters most comes first: narrow terminals cut the end.
	const connection = isFleet
		? servers
				.map(
					(server, index) =>
						`${index > 0 ? ' · ' : ''}${sanitizeText(server.name)} ` +
						paint(server.summary.short, server.summary.color, false),
				)
				.join('')
		: paint(servers[0]?.summary.text ?? '', servers[0]?.summary.color, false);
	const place = isFleet ? '' : `  ${sanitizeText(servers[0]?.name ?? '')}`;
	const title =
		paintBold('hytop ') +
		connection +
		(isDemo ? `  ${paint(' DEMO: simulated data ', 'magenta', true)}` : '') +
		(isReadOnly ? `  ${paint(' READ-ONLY ', 'yellow', true)}` : '') +
		paintDim(`${place} · every ${intervalMs / 1000}s`);
	const rates =
		`${totals[0]} ${paint(totals[1]!, 'green', false)}` +
		`${totals[2]} ${paint(totals[3]!, 'blue', false)}${counts}` +
		(isResetRecent ? paint('  counters were reset', 'yellow', false) : '');

	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">{title}</Text>
			<Text wrap="truncate">{rates}</Text>
			{(filter !== '' || isEditingFilter || note !== '') && (
				<Text wrap="truncate">
					{(filter !== '' || isEditingFilter) && (
						<Text color="cyan">
							filter: {sanitizeText(filter)}
							{isEditingFilter ? '▏ (Enter keeps, Esc clears)' : ''}
							{'  '}
						</Text>
					)}
					{/* A long note is cut by the line's own truncation. */}
					{note !== '' && <Text dimColor>{note}</Text>}
				</Text>
			)}
		</Box>
	);
};

/** Lines the header takes, for the layout. */
export const headerHeight = (
	fleet: FleetState,
	filter: string,
	isEditingFilter: boolean,
): number =>
	filter !== '' || isEditingFilter || capabilityNote(fleet) !== '' ? 3 : 2;
