import type {FleetStreamRow} from '../model/aggregate-users.js';
import type {FleetAction, FleetState} from '../model/fleet-state.js';
import type {UserRow} from '../model/types.js';
import type {KickTarget, StatusMessage, UiAction, UiState} from './ui-state.js';
import type {WatchedServer} from './use-fleet.js';

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
