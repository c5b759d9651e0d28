import type {Key} from 'ink';

import type {FleetAction, FleetState} from '../model/fleet-state.js';
import type {FleetStreamRow} from '../model/aggregate-users.js';
import type {UserRow} from '../model/types.js';
import {kickTargets} from './kick-targets.js';
import {
	type KickTarget,
	type Move,
	moveSelection,
	type StatusMessage,
	stepSort,
	streamSortCycle,
	type UiAction,
	type UiState,
	userSortCycle,
} from './ui-state.js';
import type {WatchedServer} from './use-fleet.js';
import type {FilterEdit, KeyCommand} from './use-keys.js';

// What each key does. The keys hook only dispatches; this is the rest.

const intervalStepMs = 500;

/** Everything a command may read or change. */
export type CommandContext = {
	/** The latest UI state, including what earlier keys just changed. */
	readonly ui: () => UiState;
	readonly dispatch: (action: UiAction) => void;
	/** The rows as shown, sorted and filtered. */
	readonly users: readonly UserRow[];
	readonly streams: readonly FleetStreamRow[];
	/** Streams that pass the filter; `streams` may hold only the first. */
	readonly streamsTotal: number;
	/** The last of all those streams in the current order. */
	readonly lastStream: () => FleetStreamRow | undefined;
	readonly fleet: FleetState;
	readonly fleetDispatch: (action: FleetAction) => void;
	readonly servers: readonly WatchedServer[];
	readonly isReadOnly: boolean;
	readonly pageRows: number;
	readonly setStatus: (status: Omit<StatusMessage, 'atMs'>) => void;
	readonly togglePause: () => void;
	readonly changeIntervalMs: (next: (currentMs: number) => number) => number;
	readonly startKicks: (targets: readonly KickTarget[]) => void;
	readonly clear: (chosen: readonly boolean[]) => void;
	readonly exit: () => void;
};

/**
Only the first rows of a huge streams list are sorted (see sortStreams);
moving near their end loads more, and End finds the true last row.
*/
const moveInStreams = (move: Move, context: CommandContext): void => {
	const {streams, streamsTotal, dispatch, pageRows} = context;
	const {selected, streamRowLimit} = context.ui();
	const isPartial = streams.length < streamsTotal;
	if ('to' in move && move.to === 'last' && isPartial) {
		const last = context.lastStream();
		dispatch({type: 'show-stream-rows', limit: Number.POSITIVE_INFINITY});
		if (last) {
			dispatch({type: 'select', pane: 'streams', key: last.key});
		}

		return;
	}

	const key = moveSelection(
		streams.map(row => row.key),
		selected.streams,
		move,
	);
	if (key === undefined) {
		return;
	}

	dispatch({type: 'select', pane: 'streams', key});
	const index = streams.findIndex(row => row.key === key);
	if (isPartial && index + 2 * pageRows >= streams.length) {
		dispatch({type: 'show-stream-rows', limit: streamRowLimit * 2});
	}
};

export const runCommand = (command: KeyCommand, context: CommandContext): void => {
	const {
		dispatch,
		users,
		streams,
		fleet,
		servers,
		isReadOnly,
		setStatus,
		togglePause,
		exit,
		changeIntervalMs,
		fleetDispatch,
	} = context;
	const isFleet = servers.length > 1;
	const ui = context.ui();
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
			if (focus === 'streams') {
				moveInStreams(command.move, context);
				break;
			}

			const key = moveSelection(
				users.map(row => row.id),
				ui.selected.users,
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

export const editFilter = (
	edit: FilterEdit,
	dispatch: (action: UiAction) => void,
): void => {
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

export const answerDialog = (
	input: string,
	key: Key,
	context: CommandContext,
): void => {
	const {dispatch, servers, setStatus, startKicks, clear} = context;
	const isFleet = servers.length > 1;
	const {dialog} = context.ui();
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
		runCommand({type: 'reset-session'}, context);
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
