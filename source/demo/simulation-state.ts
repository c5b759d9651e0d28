import type {Random} from './seeded-random.js';
import type {StatsStore, StoreConnection, StoreStream} from './stats-store.js';

export type SimUser = {
	readonly id: string;
	/** Share of new streams; 0 for users that stay connected but idle. */
	readonly weight: number;
	readonly maxDevices: number;
	/** Bytes per second outside TCP streams (games, calls); often 0. */
	readonly udpRate: number;
	readonly devices: SimDevice[];
	nextPresenceAtMs: number;
};

export type SimDevice = {
	readonly user: SimUser;
	/** Undefined after a kick, until the client reconnects. */
	connection: StoreConnection | undefined;
	reconnectAtMs: number;
};

export type SimStream = {
	readonly handle: StoreStream;
	readonly device: SimDevice;
	/** What sniffing will find; undefined when the stream is not sniffed. */
	readonly hookedReqAddr: string | undefined;
	readonly txRate: number;
	readonly rxRate: number;
	/** Share of ticks in which the stream moves bytes. */
	readonly activity: number;
	phaseEndsAtMs: number;
	readonly endsAtMs: number;
};

/**
Everything one simulation shares. All draws come from the one `random`, so
the order of the steps is part of what makes a seed repeat.
*/
export type SimulationState = {
	readonly store: StatsStore;
	readonly random: Random;
	/** Wall clock, for back-dating streams found running at start-up. */
	readonly now: () => number;
	readonly withControls: boolean;
	readonly users: readonly SimUser[];
	readonly streams: SimStream[];
	/** Simulated time since the start, advanced by each tick. */
	clockMs: number;
};
