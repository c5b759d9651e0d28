import type {ReactNode} from 'react';
import stringWidth from 'string-width';

import {formatDuration} from '../format/format-duration.js';
import {userBreakdown} from '../model/aggregate-users.js';
import type {FleetStreamRow} from '../model/aggregate-users.js';
import type {FleetState} from '../model/fleet-state.js';
import type {StreamSortKey, UserSortKey} from '../model/sort-rows.js';
import type {UserRow} from '../model/types.js';
import {userDevices} from '../model/user-devices.js';
import {ClearDialog, KickDialog} from './dialogs.js';
import {HelpOverlay} from './help-overlay.js';
import type {Layout} from './layout.js';
import {StreamsPane} from './streams-pane.js';
import type {UiState} from './ui-state.js';
import {glanceEveryMs} from './use-fleet.js';
import {UsersPane} from './users-pane.js';
import {ZoomSummary} from './zoom-view.js';

const sortLabels: Readonly<Record<UserSortKey | StreamSortKey, string>> = {
	rate: 'total rate',
	'up-rate': 'up rate',
	'down-rate': 'down rate',
	up: 'up total',
	down: 'down total',
	total: 'total bytes',
	devices: 'devices',
	id: 'user',
	user: 'user',
	lifetime: 'age',
	idle: 'idle time',
	state: 'state',
};

export type ScreenBodyProps = {
	readonly ui: UiState;
	readonly fleet: FleetState;
	readonly layout: Extract<Layout, {kind: 'panes'}>;
	readonly users: readonly UserRow[];
	readonly streams: readonly FleetStreamRow[];
	/** All the streams shown, when `streams` holds only the first. */
	readonly streamsTotal: number;
	readonly usersIndex: number;
	readonly streamsIndex: number;
	readonly width: number;
	readonly serverNames: readonly string[];
	readonly isReadOnly: boolean;
	/** The poll interval now in force. */
	readonly intervalMs: number;
	/** Local time now, for the age of streams kept from a failing dump. */
	readonly nowMs: number;
};

/** Between the header and the footer: a dialog, the zoom, or the panes. */
export const ScreenBody = ({
	ui,
	fleet,
	layout,
	users,
	streams,
	streamsTotal,
	usersIndex,
	streamsIndex,
	width: columns,
	serverNames,
	isReadOnly,
	intervalMs,
	nowMs,
}: ScreenBodyProps): ReactNode => {
	const isFleet = serverNames.length > 1;
	// Wide enough to tell servers apart (127.0.0.1:9998 from :9999).
	const serverWidth = Math.min(
		24,
		Math.max(6, ...serverNames.map(name => stringWidth(name))),
	);
	const focus = ui.zoomedUser === undefined ? ui.focus : 'streams';
	const usersNote = `by ${sortLabels[ui.userSort.key]}`;
	// A huge dump is fetched less often than the rest: say so.
	const slowestEveryMs = Math.max(
		0,
		...fleet.servers.map(server => server.monitor.status.streams.everyMs ?? 0),
	);
	// Beside the users, the streams are asked for less often (see use-fleet).
	const glancedEveryMs = Math.max(glanceEveryMs, intervalMs, slowestEveryMs);
	const everyText = (ms: number) => `every ${(ms / 1000).toFixed(1)}s`;
	// While the dump fails, the rows of the last one stay: they must not
	// pass for live ones. The status line says what failed.
	const staleSinceMs = Math.min(
		...fleet.servers.map(({monitor: {status}}) =>
			status.streams.error === undefined
				? Number.POSITIVE_INFINITY
				: (status.streams.lastOkAtMs ?? Number.POSITIVE_INFINITY),
		),
	);
	let streamsNote = `by ${sortLabels[ui.streamSort.key]}`;
	if (Number.isFinite(staleSinceMs)) {
		const age = formatDuration(Math.max(0, nowMs - staleSinceMs));
		streamsNote += ` · stale: data ${age} old`;
	} else if (focus !== 'streams' && glancedEveryMs > intervalMs) {
		streamsNote += ` · refreshed ${everyText(glancedEveryMs)} (Tab: watch)`;
	} else if (slowestEveryMs > 0) {
		streamsNote += ` · large dump: refreshed ${everyText(slowestEveryMs)}`;
	}

	// An empty pane must not pass for an idle server when nothing came yet.
	const hasTraffic = fleet.servers.some(
		server => server.monitor.status.traffic.lastOkAtMs !== undefined,
	);
	const hasStreams = fleet.servers.some(
		server => server.monitor.status.streams.lastOkAtMs !== undefined,
	);
	const noDataYet = "No data yet: waiting for the server's first answer.";
	const usersEmpty = !hasTraffic
		? noDataYet
		: ui.filter === ''
			? 'No users: nobody has connected or moved traffic.'
			: 'No user matches the filter.';
	const streamsError = fleet.servers.find(
		server => server.monitor.status.streams.error?.kind !== undefined,
	)?.monitor.status.streams.error;
	const unavailable = fleet.servers.every(
		server => !server.monitor.status.streams.isSupported,
	)
		? 'This server has no /dump/streams (Hysteria older than v2.6.0).'
		: hasStreams
			? undefined
			: streamsError
				? `Streams could not be read: ${streamsError.message}`
				: noDataYet;

	if (ui.dialog?.kind === 'help') {
		return (
			<HelpOverlay
				width={columns}
				height={layout.bodyHeight}
				isReadOnly={isReadOnly}
			/>
		);
	}

	if (ui.dialog?.kind === 'kick') {
		return (
			<KickDialog
				targets={ui.dialog.targets}
				serverNames={serverNames}
				width={columns}
			/>
		);
	}

	if (ui.dialog?.kind === 'clear') {
		return (
			<ClearDialog
				chosen={ui.dialog.chosen}
				serverNames={serverNames}
				width={columns}
			/>
		);
	}

	if (ui.zoomedUser !== undefined) {
		const devices = userDevices(fleet.streams, ui.zoomedUser);
		const breakdown = userBreakdown(
			fleet.servers.map(server => ({
				name: server.name,
				users: server.monitor.users,
				streams: server.monitor.streams,
			})),
			ui.zoomedUser,
		);
		const devicesHeight = Math.min(Math.max(1, devices.length), 5);
		const summaryHeight = devicesHeight + 3 + (breakdown.length > 1 ? 1 : 0);
		return (
			<>
				<ZoomSummary
					userId={ui.zoomedUser}
					row={fleet.users.find(row => row.id === ui.zoomedUser)}
					breakdown={breakdown}
					devices={devices}
					units={ui.units}
					width={columns}
					height={devicesHeight}
					hasServerColumn={isFleet}
				/>
				<StreamsPane
					title="Its streams"
					rows={streams}
					totalCount={streamsTotal}
					selectedIndex={streamsIndex}
					isFocused
					width={columns}
					height={Math.max(1, layout.bodyHeight - summaryHeight - 2)}
					sort={ui.streamSort}
					note={streamsNote}
					unavailableText={unavailable}
					units={ui.units}
					hasServerColumn={isFleet}
					serverWidth={serverWidth}
				/>
			</>
		);
	}

	return (
		<>
			{layout.usersHeight > 0 && (
				<UsersPane
					rows={users}
					selectedIndex={usersIndex}
					isFocused={focus === 'users'}
					width={columns}
					height={layout.usersHeight}
					sort={ui.userSort}
					note={usersNote}
					emptyText={usersEmpty}
					units={ui.units}
					session={fleet.session}
					history={fleet.history}
					marked={ui.marked}
				/>
			)}
			{layout.streamsHeight > 0 && (
				<StreamsPane
					rows={streams}
					totalCount={streamsTotal}
					selectedIndex={streamsIndex}
					isFocused={focus === 'streams'}
					width={columns}
					height={layout.streamsHeight}
					sort={ui.streamSort}
					note={streamsNote}
					unavailableText={unavailable}
					units={ui.units}
					hasServerColumn={isFleet}
					serverWidth={serverWidth}
				/>
			)}
		</>
	);
};
