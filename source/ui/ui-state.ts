// What the operator is doing: which pane has the keys, what is selected, which
// dialog is open. Selection is held by row key, not index, so it stays on the
// same user or stream while rows re-sort under it.

export type PaneName = 'users' | 'streams';

export type Dialog =
	| {
			readonly kind: 'kick';
			/** Bound at the keypress: later re-sorts cannot change it. */
			readonly userId: string;
			readonly devices: number | undefined;
	  }
	| {readonly kind: 'clear'}
	| {readonly kind: 'help'};

export type StatusMessage = {
	readonly text: string;
	readonly tone: 'info' | 'success' | 'error';
	readonly atMs: number;
};

export type UiState = {
	readonly focus: PaneName;
	readonly selected: Readonly<Record<PaneName, string | undefined>>;
	readonly dialog: Dialog | undefined;
	readonly status: StatusMessage | undefined;
};

export type Move =
	| {readonly by: number}
	| {readonly to: 'first' | 'last'};

export type UiAction =
	| {readonly type: 'focus-next'}
	| {readonly type: 'select'; readonly pane: PaneName; readonly key: string}
	| {readonly type: 'open-dialog'; readonly dialog: Dialog}
	| {readonly type: 'close-dialog'}
	| {readonly type: 'status'; readonly status: StatusMessage};

export const initialUiState: UiState = {
	focus: 'users',
	selected: {users: undefined, streams: undefined},
	dialog: undefined,
	status: undefined,
};

export const uiReducer = (state: UiState, action: UiAction): UiState => {
	switch (action.type) {
		case 'focus-next': {
			return {
				...state,
				focus: state.focus === 'users' ? 'streams' : 'users',
			};
		}

		case 'select': {
			return {
				...state,
				selected: {...state.selected, [action.pane]: action.key},
			};
		}

		case 'open-dialog': {
			return {...state, dialog: action.dialog};
		}

		case 'close-dialog': {
			return {...state, dialog: undefined};
		}

		case 'status': {
			return {...state, status: action.status};
		}
	}
};

/**
The key a move lands on, given the keys in display order. An unknown or
missing selection counts as the first row.
*/
export const moveSelection = (
	keys: readonly string[],
	selected: string | undefined,
	move: Move,
): string | undefined => {
	if (keys.length === 0) {
		return undefined;
	}

	if ('to' in move) {
		return move.to === 'first' ? keys[0] : keys.at(-1);
	}

	const index = selected === undefined ? -1 : keys.indexOf(selected);
	const from = index === -1 ? 0 : index;
	const to = Math.min(keys.length - 1, Math.max(0, from + move.by));
	return keys[to];
};

/** Index of the selected row, falling back to the first. */
export const selectedIndex = (
	keys: readonly string[],
	selected: string | undefined,
): number => {
	const index = selected === undefined ? -1 : keys.indexOf(selected);
	return Math.max(index, 0);
};
