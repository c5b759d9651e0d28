import type {StreamState} from '../api/types.js';

// The model speaks of directions from the client's side: "up" is what the
// client uploaded (the API's tx), "down" what it downloaded (rx).

/** A user as the users pane shows it: /traffic and /online merged. */
export type UserRow = {
	readonly id: string;
	/** Bytes per second; 0 while there is no baseline yet. */
	readonly upRate: number;
	readonly downRate: number;
	/** Cumulative bytes as the server reports them (since start or clear). */
	readonly up: number;
	readonly down: number;
	/** Connected devices; undefined when the server has no /online. */
	readonly devices: number | undefined;
	readonly presence: 'online' | 'offline' | 'unknown';
	/** Set for a few seconds after the user appeared or went away. */
	readonly change: 'joined' | 'left' | undefined;
};

/** One proxy stream as the streams pane shows it. */
export type StreamRow = {
	/** `connection:stream`, unique within one server. */
	readonly key: string;
	readonly user: string;
	readonly state: StreamState;
	readonly connection: number;
	readonly stream: number;
	readonly reqAddr: string;
	readonly hookedReqAddr: string;
	readonly upRate: number;
	readonly downRate: number;
	readonly up: number;
	readonly down: number;
	/** Undefined when the server's timestamps were unusable. */
	readonly lifetimeMs: number | undefined;
	readonly idleMs: number | undefined;
};
