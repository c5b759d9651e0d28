import {Box, Text, useApp} from 'ink';
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';

import {filterStreams, filterUsers, parseFilter} from '../model/filter-rows.js';
import {
	compareStreams,
	sortStreams,
	sortUsers,
	streamKeyOf,
	userIdOf,
} from '../model/sort-rows.js';
import {indexOfKey, orderOf, type PreviousOrder} from '../model/sorter.js';
import type {CommandContext} from './command-context.js';
import {editFilter, runCommand} from './commands.js';
import {answerDialog} from './dialog-commands.js';
import {Footer, footerHeight} from './footer.js';
import {Header, headerHeight} from './header.js';
import {computeLayout} from './layout.js';
import {pickStatus} from './pick-status.js';
import {ScreenBody} from './screen-body.js';
import {
	initialUiState,
	type StatusMessage,
	type UiAction,
	uiReducer,
} from './ui-state.js';
import {useClear} from './use-clear.js';
import {type StreamsPace, type WatchedServer, useFleet} from './use-fleet.js';
import {useKeys} from './use-keys.js';
import {useKickReports} from './use-kick-reports.js';
import {useKicks} from './use-kicks.js';
import {useTerminalSize} from './use-terminal-size.js';

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
		setStreamsPace,
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

	const filter = useMemo(() => parseFilter(ui.filter), [ui.filter]);
	// Each sort starts from the order last shown, so that rows with nearly
	// equal rates keep their places (see sort-rows).
	const userOrderRef = useRef<PreviousOrder>(new Map());
	const streamOrderRef = useRef<PreviousOrder>(new Map());
	// Streams matter to the users pane only through a filter: without one, a
	// new stream dump does not re-sort the users.
	const streamsToMatch = filter === undefined ? undefined : fleet.streams;
	const users = useMemo(() => {
		const sorted = sortUsers(
			filterUsers(fleet.users, streamsToMatch ?? [], filter),
			ui.userSort.key,
			ui.userSort.isDescending,
			userOrderRef.current,
		);
		userOrderRef.current = orderOf(sorted, userIdOf);
		return sorted;
	}, [fleet.users, streamsToMatch, filter, ui.userSort]);
	const shownStreams = useMemo(
		() =>
			ui.zoomedUser === undefined
				? filterStreams(fleet.streams, filter)
				: fleet.streams.filter(row => row.user === ui.zoomedUser),
		[fleet.streams, filter, ui.zoomedUser],
	);
	const streams = useMemo(() => {
		const sorted = sortStreams(
			shownStreams,
			ui.streamSort.key,
			ui.streamSort.isDescending,
			ui.streamRowLimit,
			streamOrderRef.current,
		);
		streamOrderRef.current = orderOf(sorted, streamKeyOf);
		return sorted;
	}, [shownStreams, ui.streamSort, ui.streamRowLimit]);

	const usersIndex = Math.max(
		0,
		indexOfKey(users, userIdOf, ui.selected.users),
	);
	const streamsIndex = Math.max(
		0,
		indexOfKey(streams, streamKeyOf, ui.selected.streams),
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
	const streamsPace: StreamsPace = !isStreamsShown
		? 'hidden'
		: focus === 'streams'
			? 'watched'
			: 'glance';
	useEffect(() => {
		setStreamsPace(streamsPace);
	}, [streamsPace, setStreamsPace]);

	const isMoving = useCallback(
		(server: number, userId: string) => {
			const row = fleet.servers[server]?.monitor.users.find(
				user => user.id === userId,
			);
			return row !== undefined && row.upRate + row.downRate > 0;
		},
		[fleet.servers],
	);
	const kickStatus = useKickReports(
		jobs,
		nowMs,
		serverNames,
		fleetDispatch,
		isMoving,
	);

	const pageRows =
		layout.kind === 'panes'
			? Math.max(1, (focus === 'users' ? layout.usersHeight : layout.streamsHeight) - 1)
			: 1;

	const commandContext: CommandContext = {
		ui: () => uiRef.current,
		dispatch,
		users,
		streams,
		streamsTotal: shownStreams.length,
		lastStream() {
			// With the order shown as the tie-breaker, as the sort itself.
			const compare = compareStreams(
				ui.streamSort.key,
				ui.streamSort.isDescending,
				streamOrderRef.current,
			);
			return shownStreams.reduce<(typeof shownStreams)[number] | undefined>(
				(last, row) =>
					last === undefined || compare(row, last) > 0 ? row : last,
				undefined,
			);
		},
		fleet,
		fleetDispatch,
		servers,
		isReadOnly,
		pageRows,
		setStatus,
		togglePause,
		changeIntervalMs,
		startKicks,
		clear,
		exit,
	};

	useKeys({
		mode: ui.dialog ? 'dialog' : ui.isEditingFilter ? 'filter' : 'main',
		pageRows,
		onCommand(command) {
			runCommand(command, commandContext);
		},
		onFilterEdit(edit) {
			editFilter(edit, dispatch);
		},
		onDialogKey(input, key) {
			answerDialog(input, key, commandContext);
		},
	});

	if (layout.kind === 'too-small') {
		return (
			<Text color="yellow" wrap="truncate">
				Too small: {columns}x{rows}, needs 40x10 (q quits)
			</Text>
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
				<ScreenBody
					ui={ui}
					fleet={fleet}
					layout={layout}
					users={users}
					streams={streams}
					streamsTotal={shownStreams.length}
					usersIndex={usersIndex}
					streamsIndex={streamsIndex}
					width={columns}
					serverNames={serverNames}
					isReadOnly={isReadOnly}
					intervalMs={intervalMs}
					nowMs={nowMs}
				/>
			</Box>
			<Footer
				events={fleet.events}
				status={pickStatus(ui.status, kickStatus, fleet, nowMs)}
				width={columns}
				isReadOnly={isReadOnly}
				isPaused={isPaused}
			/>
		</Box>
	);
};
