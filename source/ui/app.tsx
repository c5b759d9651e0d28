import {Box, type Key, Text, useApp, useStdout} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';

import {sanitizeText} from '../format/sanitize-text.js';
import {userBreakdown} from '../model/aggregate-users.js';
import {filterStreams, filterUsers, parseFilter} from '../model/filter-rows.js';
import {describeKick} from '../model/kick-tracker.js';
import {
	type StreamSortKey,
	sortStreams,
	sortUsers,
	type UserSortKey,
} from '../model/sort-rows.js';
import {userDevices} from '../model/user-devices.js';
import {ClearDialog, KickDialog} from './dialogs.js';
import {Footer, footerHeight} from './footer.js';
import {Header, headerHeight} from './header.js';
import {HelpOverlay} from './help-overlay.js';
import {kickTargets} from './kick-targets.js';
import {computeLayout} from './layout.js';
import {pickStatus} from './pick-status.js';
import {StreamsPane} from './streams-pane.js';
import {
	initialUiState,
	moveSelection,
	type StatusMessage,
	stepSort,
	streamSortCycle,
	type UiAction,
	uiReducer,
	userSortCycle,
} from './ui-state.js';
import {useClear} from './use-clear.js';
import {type WatchedServer, useFleet} from './use-fleet.js';
import {type FilterEdit, type KeyCommand, useKeys} from './use-keys.js';
import {useKicks} from './use-kicks.js';
import {useTerminalSize} from './use-terminal-size.js';
import {UsersPane} from './users-pane.js';
import {ZoomSummary} from './zoom-view.js';

export type AppProps = {
	/** The servers to watch; must keep its identity across renders. */
	readonly servers: readonly WatchedServer[];
	readonly intervalMs: number;
	/** The server is hytop's own simulator: say so on screen. */
	readonly isDemo: boolean;
	/** Kick and clear are refused. */
	readonly isReadOnly: boolean;
	/** Where the totals returned by a clear are appended. */
	readonly ledgerPath: string;
};

const intervalStepMs = 500;

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
const quote = (id: string) => `"${sanitizeText(id)}"`;

export const App = ({
	servers,
	intervalMs: initialIntervalMs,
	isDemo,
	isReadOnly,
	ledgerPath,
}: AppProps) => {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const {
		fleet,
		dispatch: fleetDispatch,
		nowMs,
		isPaused,
		intervalMs,
		togglePause,
		changeIntervalMs,
		pollNow,
		setStreamsWanted,
	} = useFleet(servers, initialIntervalMs);
	// Keys can come faster than frames (key repeat, a paste): each command
	// must see what the previous one did, so the state is also kept in a ref
	// that every dispatch updates at once.
	const [ui, setUi] = useState(initialUiState);
	const uiRef = useRef(ui);
	const dispatch = useCallback((action: UiAction) => {
		uiRef.current = uiReducer(uiRef.current, action);
		setUi(uiRef.current);
	}, []);
	const setStatus = useCallback(
		(status: Omit<StatusMessage, 'atMs'>) => {
			dispatch({type: 'status', status: {...status, atMs: Date.now()}});
		},
		[dispatch],
	);
	const {jobs, startKicks} = useKicks(servers, fleet, nowMs, pollNow);
	const clear = useClear(servers, ledgerPath, fleetDispatch, setStatus, pollNow);
	const serverNames = useMemo(() => servers.map(s => s.name), [servers]);
	const isFleet = servers.length > 1;

	const filter = useMemo(() => parseFilter(ui.filter), [ui.filter]);
	const users = useMemo(
		() =>
			sortUsers(
				filterUsers(fleet.users, fleet.streams, filter),
				ui.userSort.key,
				ui.userSort.isDescending,
			),
		[fleet.users, fleet.streams, filter, ui.userSort],
	);
	const streams = useMemo(() => {
		const shown =
			ui.zoomedUser === undefined
				? filterStreams(fleet.streams, filter)
				: fleet.streams.filter(row => row.user === ui.zoomedUser);
		return sortStreams(
			shown,
			ui.streamSort.key,
			ui.streamSort.isDescending,
		);
	}, [fleet.streams, filter, ui.zoomedUser, ui.streamSort]);

	const usersIndex = Math.max(
		0,
		users.findIndex(row => row.id === ui.selected.users),
	);
	const streamsIndex = Math.max(
		0,
		streams.findIndex(row => row.key === ui.selected.streams),
	);
	const focus = ui.zoomedUser === undefined ? ui.focus : 'streams';

	const chrome =
		headerHeight(fleet, ui.filter, ui.isEditingFilter) + footerHeight;
	const layout = computeLayout({
		columns,
		rows,
		chromeLines: chrome,
		focus,
		userCount: users.length,
	});
	const isStreamsShown =
		layout.kind === 'panes' &&
		(layout.streamsHeight > 0 || ui.zoomedUser !== undefined);
	useEffect(() => {
		setStreamsWanted(isStreamsShown);
	}, [isStreamsShown, setStreamsWanted]);

	// Kick outcomes also go to the event line, once each.
	const reported = useRef(new Map<number, string>());
	useEffect(() => {
		for (const job of jobs.jobs) {
			const {text, tone} = describeKick(job, Date.now(), quote);
			const isFinal = !['to-send', 'sending', 'waiting'].includes(job.phase);
			if (isFinal && reported.current.get(job.id) !== job.phase) {
				reported.current.set(job.id, job.phase);
				const where = isFleet ? `${serverNames[job.server] ?? ''}: ` : '';
				fleetDispatch({
					type: 'event',
					event: {atMs: Date.now(), text: where + text, tone},
				});
			}
		}
	}, [jobs, isFleet, serverNames, fleetDispatch]);

	const kickStatus = useMemo((): StatusMessage | undefined => {
		const recent = jobs.jobs.filter(
			job => nowMs - job.lastProgressAtMs < 30_000 || job.phase === 'waiting',
		);
		if (recent.length === 0) {
			return undefined;
		}

		const described = recent.map(job => describeKick(job, nowMs, quote));
		const atMs = Math.max(...recent.map(job => job.lastProgressAtMs));
		return {
			text: described.map(entry => entry.text).join('; '),
			tone: described.some(entry => entry.tone === 'error')
				? 'error'
				: described.every(entry => entry.tone === 'success')
					? 'success'
					: 'info',
			atMs,
		};
	}, [jobs, nowMs]);

	const pageRows =
		layout.kind === 'panes'
			? Math.max(1, (focus === 'users' ? layout.usersHeight : layout.streamsHeight) - 1)
			: 1;

	const runCommand = (command: KeyCommand) => {
		const ui = uiRef.current;
		const focus = ui.zoomedUser === undefined ? ui.focus : 'streams';
		const rowUser = (rowsFocus: typeof focus) =>
			rowsFocus === 'users'
				? (users.find(row => row.id === ui.selected.users) ?? users[0])?.id
				: (streams.find(row => row.key === ui.selected.streams) ?? streams[0])
						?.user;
		const selectedUser = rowUser('users');
		const selectedStreamUser = rowUser('streams');
		switch (command.type) {
			case 'focus-next': {
				if (ui.zoomedUser === undefined) {
					dispatch({type: 'focus-next'});
				}

				break;
			}

			case 'move': {
				const key =
					focus === 'users'
						? moveSelection(
								users.map(row => row.id),
								ui.selected.users,
								command.move,
							)
						: moveSelection(
								streams.map(row => row.key),
								ui.selected.streams,
								command.move,
							);
				if (key !== undefined) {
					dispatch({type: 'select', pane: focus, key});
				}

				break;
			}

			case 'kick': {
				if (isReadOnly) {
					setStatus({
						text: 'read-only (--read-only): kick is disabled',
						tone: 'error',
					});
					break;
				}

				const chosen =
					ui.marked.size > 0
						? [...ui.marked]
						: [ui.zoomedUser ?? (focus === 'users' ? selectedUser : selectedStreamUser)]
								.filter((id): id is string => id !== undefined);
				if (chosen.length === 0) {
					setStatus({text: 'no user selected to kick', tone: 'error'});
					break;
				}

				dispatch({
					type: 'open-dialog',
					dialog: {kind: 'kick', targets: kickTargets(fleet, chosen)},
				});
				break;
			}

			case 'clear': {
				if (isReadOnly) {
					setStatus({
						text: 'read-only (--read-only): clear is disabled',
						tone: 'error',
					});
					break;
				}

				dispatch({
					type: 'open-dialog',
					// One server is ticked for you; of several, you tick which.
					dialog: {kind: 'clear', chosen: servers.map(() => !isFleet)},
				});
				break;
			}

			case 'pause': {
				togglePause();
				break;
			}

			case 'help': {
				dispatch({type: 'open-dialog', dialog: {kind: 'help'}});
				break;
			}

			case 'quit': {
				exit();
				break;
			}

			case 'filter': {
				dispatch({type: 'edit-filter'});
				break;
			}

			case 'escape': {
				if (ui.zoomedUser !== undefined) {
					dispatch({type: 'zoom', userId: undefined});
				} else if (ui.filter !== '') {
					dispatch({type: 'set-filter', filter: ''});
				} else if (ui.marked.size > 0) {
					dispatch({type: 'clear-marks'});
				}

				break;
			}

			case 'sort': {
				if (focus === 'users') {
					dispatch({
						type: 'sort-users',
						sort: {
							...ui.userSort,
							key: stepSort(userSortCycle, ui.userSort.key, command.step),
						},
					});
				} else {
					dispatch({
						type: 'sort-streams',
						sort: {
							...ui.streamSort,
							key: stepSort(streamSortCycle, ui.streamSort.key, command.step),
						},
					});
				}

				break;
			}

			case 'reverse': {
				if (focus === 'users') {
					dispatch({
						type: 'sort-users',
						sort: {...ui.userSort, isDescending: !ui.userSort.isDescending},
					});
				} else {
					dispatch({
						type: 'sort-streams',
						sort: {
							...ui.streamSort,
							isDescending: !ui.streamSort.isDescending,
						},
					});
				}

				break;
			}

			case 'zoom': {
				const userId = focus === 'users' ? selectedUser : selectedStreamUser;
				if (userId !== undefined && ui.zoomedUser === undefined) {
					dispatch({type: 'zoom', userId});
				}

				break;
			}

			case 'units': {
				dispatch({type: 'next-units'});
				break;
			}

			case 'interval': {
				const next = changeIntervalMs(currentMs =>
					Math.max(intervalStepMs, currentMs + command.step * intervalStepMs),
				);
				setStatus({text: `polling every ${next / 1000}s`, tone: 'info'});
				break;
			}

			case 'mark': {
				const userId = focus === 'users' ? selectedUser : selectedStreamUser;
				if (userId !== undefined) {
					dispatch({type: 'toggle-mark', userId});
				}

				break;
			}

			case 'reset-session': {
				fleetDispatch({type: 'reset-session'});
				setStatus({
					text: "hytop's session totals and graphs reset (server untouched)",
					tone: 'success',
				});
				break;
			}
		}
	};

	const editFilter = (edit: FilterEdit) => {
		switch (edit.type) {
			case 'append': {
				dispatch({type: 'append-filter', text: edit.text});
				break;
			}

			case 'erase': {
				dispatch({type: 'erase-filter'});
				break;
			}

			case 'accept': {
				dispatch({type: 'end-filter-edit'});
				break;
			}

			case 'cancel': {
				dispatch({type: 'set-filter', filter: ''});
				dispatch({type: 'end-filter-edit'});
				break;
			}
		}
	};

	const answerDialog = (input: string, key: Key) => {
		const {dialog} = uiRef.current;
		if (dialog?.kind === 'clear' && /^[1-9]$/.test(input) && isFleet) {
			const index = Number(input) - 1;
			if (index < servers.length) {
				const chosen = dialog.chosen.map((value, position) =>
					position === index ? !value : value,
				);
				dispatch({type: 'open-dialog', dialog: {kind: 'clear', chosen}});
			}

			return;
		}

		dispatch({type: 'close-dialog'});
		const isYes = input === 'y' && !key.ctrl;
		if (dialog === undefined || dialog.kind === 'help') {
			return;
		}

		if (dialog.kind === 'clear' && input === 'z') {
			runCommand({type: 'reset-session'});
			return;
		}

		if (!isYes) {
			setStatus({text: `${dialog.kind} cancelled`, tone: 'info'});
			return;
		}

		if (dialog.kind === 'kick') {
			startKicks(dialog.targets);
			dispatch({type: 'clear-marks'});
		} else {
			clear(dialog.chosen);
		}
	};

	useKeys({
		mode: ui.dialog ? 'dialog' : ui.isEditingFilter ? 'filter' : 'main',
		pageRows,
		onCommand: runCommand,
		onFilterEdit: editFilter,
		onDialogKey: answerDialog,
	});

	if (layout.kind === 'too-small') {
		return (
			<Text color="yellow" wrap="truncate">
				Terminal too small ({columns}x{rows}); hytop needs 40x10. q quits.
			</Text>
		);
	}

	const usersNote = `by ${sortLabels[ui.userSort.key]}`;
	const streamsNote = `by ${sortLabels[ui.streamSort.key]}`;
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
	const unavailable = fleet.servers.every(
		server => !server.monitor.status.streams.isSupported,
	)
		? 'This server has no /dump/streams (Hysteria older than v2.6.0).'
		: hasStreams
			? undefined
			: noDataYet;

	let body;
	if (ui.dialog?.kind === 'help') {
		body = (
			<HelpOverlay
				width={columns}
				height={layout.bodyHeight}
				isReadOnly={isReadOnly}
			/>
		);
	} else if (ui.dialog?.kind === 'kick') {
		body = (
			<KickDialog
				targets={ui.dialog.targets}
				serverNames={serverNames}
				width={columns}
			/>
		);
	} else if (ui.dialog?.kind === 'clear') {
		body = (
			<ClearDialog
				chosen={ui.dialog.chosen}
				serverNames={serverNames}
				width={columns}
			/>
		);
	} else if (ui.zoomedUser !== undefined) {
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
		body = (
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
					selectedIndex={streamsIndex}
					isFocused
					width={columns}
					height={Math.max(1, layout.bodyHeight - summaryHeight - 2)}
					sort={ui.streamSort}
					note={streamsNote}
					unavailableText={unavailable}
					units={ui.units}
					hasServerColumn={isFleet}
				/>
			</>
		);
	} else {
		body = (
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
						selectedIndex={streamsIndex}
						isFocused={focus === 'streams'}
						width={columns}
						height={layout.streamsHeight}
						sort={ui.streamSort}
						note={streamsNote}
						unavailableText={unavailable}
						units={ui.units}
						hasServerColumn={isFleet}
					/>
				)}
			</>
		);
	}

	return (
		<Box flexDirection="column" width={columns}>
			<Header
				fleet={fleet}
				isDemo={isDemo}
				isReadOnly={isReadOnly}
				intervalMs={intervalMs}
				isPaused={isPaused}
				nowMs={nowMs}
				width={columns}
				units={ui.units}
				filter={ui.filter}
				isEditingFilter={ui.isEditingFilter}
			/>
			<Box flexDirection="column" height={layout.bodyHeight}>
				{body}
			</Box>
			<Footer
				events={fleet.events}
				status={pickStatus(ui.status, kickStatus, fleet, nowMs)}
				width={columns}
				isReadOnly={isReadOnly}
			/>
		</Box>
	);
};
