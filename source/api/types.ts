// What the Traffic Stats API says, after validation. Wire names are mapped to
// camelCase here and nowhere else; numbers are plain JS numbers (uint64 values
// past 2^53 lose precision but stay finite).

export type ByteCounter = {
	/** Bytes the client uploaded (server to remote). */
	readonly tx: number;
	/** Bytes the client downloaded. */
	readonly rx: number;
};

/** `GET /traffic`: user id to cumulative counters. */
export type Traffic = ReadonlyMap<string, ByteCounter>;

/** `GET /online`: user id to the number of connected devices. */
export type Online = ReadonlyMap<string, number>;

export type StreamState =
	| 'init'
	| 'hook'
	| 'connect'
	| 'estab'
	| 'closed'
	| 'unknown';

/** One entry of `GET /dump/streams`. */
export type StreamEntry = {
	readonly state: StreamState;
	readonly auth: string;
	readonly connection: number;
	readonly stream: number;
	readonly reqAddr: string;
	readonly hookedReqAddr: string;
	readonly tx: number;
	readonly rx: number;
	/** Milliseconds since the epoch, or undefined when unparsable. */
	readonly initialAtMs: number | undefined;
	readonly lastActiveAtMs: number | undefined;
};

export type ApiErrorKind =
	/** 401: the secret is wrong or missing. */
	| 'unauthorized'
	/** 404: the endpoint does not exist on this (older) server. */
	| 'not-found'
	/** Any other non-2xx status. */
	| 'http-status'
	/** The body is not JSON, or not of the expected shape. */
	| 'invalid-response'
	/** The body is larger than the configured cap. */
	| 'too-large'
	| 'timeout'
	| 'refused'
	| 'reset'
	/** Any other network failure (DNS, unreachable, ...). */
	| 'network';

export type Endpoint = 'traffic' | 'online' | 'streams' | 'kick' | 'clear';
