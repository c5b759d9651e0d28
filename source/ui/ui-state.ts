import type {ByteUnits} from '../format/format-bytes.js';
import type {StreamSortKey, UserSortKey} from '../model/sort-rows.js';

// What the operator is doing: which pane has the keys, what is selected,
// marked, filtered and sorted, which dialog is open. Selection is held by row
// key, not index, so it stays on the same user or stream while rows re-sort.

export type PaneName = 'users' | 'streams';

export type KickTarget = {
	readonly server: number;
	readonly userId: string;
	readonly devices: number | undefined;
};

export type Dialog =
	| {
			readonly kind: 'kick';
			/** Bound at the keypress: later re-sorts cannot change them. */
			readonly targets: readonly KickTarget[];
	  }
	| {
			readonly kind: 'clear';
			/** Which servers a `y` clears, by index. */
			readonly chosen: readonly boolean[];
	  }
	| {readonly kind: 'help'};

export type StatusMessage = {
	readonly text: string;
	readonly tone: 'info' | 'success' | 'error';
	readonly atMs: number;
};

export type Sort<Key> = {readonly key: Key; readonly isDescending: boolean};

export type UiState = {
	readonly focus: PaneName;
	readonly selected: Readonly<Record<PaneName, string | undefined>>;
	readonly marked: ReadonlySet<string>;
	readonly filter: string;
	readonly isEditingFilter: boolean;
	readonly userSort: Sort<UserSortKey>;
	readonly streamSort: Sort<StreamSortKey>;
	/** The user whose devices and streams fill the screen (`Enter`). */
	readonly zoomedUser: string | undefined;
	readonly units: ByteUnits;
	/** How many of the sorted streams are kept: a screenful needs few. */
	readonly streamRowLimit: number;
	readonly dialog: Dialog | undefined;
	readonly status: StatusMessage | undefined;
};

export type Move = {readonly by: number} | {readonly to: 'first' | 'last'};

export type UiAction =
	| {readonly type: 'focus-next'}
	| {readonly type: 'select'; readonly pane: PaneName; readonly key: string}
	| {readonly type: 'toggle-mark'; readonly userId: string}
	| {readonly type: 'clear-marks'}
	| {readonly type: 'edit-filter'}
	| {readonly type: 'set-filter'; readonly filter: string}
	| {readonly type: 'append-filter'; readonly text: string}
	| {readonly type: 'erase-filter'}
	| {readonly type: 'end-filter-edit'}
	| {readonly type: 'sort-users'; readonly sort: Sort<UserSortKey>}
	| {readonly type: 'sort-streams'; readonly sort: Sort<StreamSortKey>}
	| {readonly type: 'zoom'; readonly userId: string | undefined}
	| {readonly type: 'next-units'}
	| {readonly type: 'show-stream-rows'; readonly limit: number}
	| {readonly type: 'open-dialog'; readonly dialog: Dialog}
	| {readonly type: 'close-dialog'}
	| {readonly type: 'status'; readonly status: StatusMessage};

export const initialUiState: UiState = {
	focus: 'users',
	selected: {users: undefined, streams: undefined},
	marked: new Set(),
	filter: '',
	isEditingFilter: false,
	userSort: {key: 'rate', isDescending: true},
	streamSort: {key: 'rate', isDescending: true},
	zoomedUser: undefined,
	units: 'iec',
	streamRowLimit: 200,
	dialog: undefined,
	status: undefined,
};

const unitCycle: readonly ByteUnits[] = ['iec', 'si', 'bits'];

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

		case 'toggle-mark': {
			const marked = new Set(state.marked);
			if (!marked.delete(action.userId)) {
				marked.add(action.userId);
			}

			return {...state, marked};
		}

		case 'clear-marks': {
			return {...state, marked: new Set()};
		}

		case 'edit-filter': {
			return {...state, isEditingFilter: true};
		}

		case 'set-filter': {
			return {...state, filter: action.filter};
		}

		case 'append-filter': {
			return {...state, filter: state.filter + action.text};
		}

		case 'erase-filter': {
			return {...state, filter: [...state.filter].slice(0, -1).join('')};
		}

		case 'end-filter-edit': {
			return {...state, isEditingFilter: false};
		}

		case 'sort-users': {
			return {...state, userSort: action.sort};
		}

		case 'sort-streams': {
			return {...state, streamSort: action.sort};
		}

		case 'zoom': {
			return {
				...state,
				zoomedUser: action.userId,
				focus: action.userId === undefined ? 'users' : 'streams',
			};
		}

		case 'next-units': {
			const index = unitCycle.indexOf(state.units);
			return {...state, units: unitCycle[(index + 1) % unitCycle.length]!};
		}

		case 'show-stream-rows': {
			return {...state, streamRowLimit: action.limit};
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

/** The sort keys `<` and `>` step through, in column order. */
export const userSortCycle: readonly UserSortKey[] = [
	'id',
	'rate',
	'up-rate',
	'down-rate',
	'up',
	'down',
	'devices',
];

export const streamSortCycle: readonly StreamSortKey[] = [
	'user',
	'state',
	'rate',
	'up-rate',
	'down-rate',
	'up',
	'down',
	'lifetime',
	'idle',
];

/** The next sort key in `cycle`, wrapping around. */
export const stepSort = <Key>(
	cycle: readonly Key[],
	current: Key,
	step: 1 | -1,
): Key => {
	const index = cycle.indexOf(current);
	const next = (index + step + cycle.length) % cycle.length;
	return cycle[next] ?? current;
};
