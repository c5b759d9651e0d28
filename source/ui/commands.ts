import type {CommandContext} from './command-context.js';
import {
	openClearDialog,
	openKickDialog,
	resetSession,
} from './dialog-commands.js';
import {
	type Move,
	moveSelection,
	stepSort,
	streamSortCycle,
	type UiAction,
	userSortCycle,
} from './ui-state.js';
import type {FilterEdit, KeyCommand} from './use-keys.js';

// What each key does. The keys hook only dispatches; this is the rest.

const intervalStepMs = 500;

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
		setStatus,
		togglePause,
		exit,
		changeIntervalMs,
	} = context;
	const ui = context.ui();
	const focus = ui.zoomedUser === undefined ? ui.focus : 'streams';
	const rowUser = (rowsFocus: typeof focus) =>
		rowsFocus === 'users'
			? (users.find(row => row.id === ui.selected.users) ?? users[0])?.id
			: (streams.find(row => row.key === ui.selected.streams) ?? streams[0])
					?.user;
	// The user under the cursor, in whichever pane has the keys.
	const selected = rowUser(focus);
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
			openKickDialog(context, selected);
			break;
		}

		case 'clear': {
			openClearDialog(context);
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
			const userId = selected;
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
			const userId = selected;
			if (userId !== undefined) {
				dispatch({type: 'toggle-mark', userId});
			}

			break;
		}

		case 'reset-session': {
			resetSession(context);
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
