import type {StreamState} from '../api/types.js';

// What the demo store hands out and takes in: read-only to everyone else.

/** One proxy stream as the store hands it out; only the store writes it. */
export type StoreStream = {
	readonly state: StreamState;
	readonly auth: string;
	readonly connection: number;
	readonly stream: number;
	readonly reqAddr: string;
	readonly hookedReqAddr: string;
	readonly tx: number;
	readonly rx: number;
	readonly initialAtMs: number;
	readonly lastActiveAtMs: number;
	/** False once the stream ended or its connection was dropped. */
	readonly isOpen: boolean;
};

/** One connected client instance ("device"); only the store writes it. */
export type StoreConnection = {
	readonly id: number;
	readonly userId: string;
	/** False once disconnected or dropped by a kick. */
	readonly isOpen: boolean;
};

export type TrafficEntry = {
	readonly userId: string;
	readonly tx: number;
	readonly rx: number;
};

export type OnlineEntry = {
	readonly userId: string;
	readonly devices: number;
};

export type StatsStoreOptions = {
	/** Clock for time stamps, in ms since the epoch. Default: wall clock. */
	readonly now?: () => number;
};
