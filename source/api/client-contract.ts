import type {Online, StreamEntry, Traffic} from './types.js';

/**
Everything hytop asks of a server. The real implementation speaks HTTP with
undici (`createStatsClient`); tests may pass fakes. Every method rejects with
an `ApiError` only.
*/
export type StatsClient = {
	/** The server's base URL, without credentials, for display. */
	readonly url: string;
	/** `GET /traffic`; with `clear`, `GET /traffic?clear=1`. */
	traffic(options?: {readonly clear?: boolean}): Promise<Traffic>;
	/** `GET /online`. */
	online(): Promise<Online>;
	/** `GET /dump/streams` (JSON form). */
	streams(): Promise<readonly StreamEntry[]>;
	/** `POST /kick` with the ids as a JSON array. Resolves on 200. */
	kick(userIds: readonly string[]): Promise<void>;
	/** Closes the connection pool. */
	close(): Promise<void>;
};

export type StatsClientOptions = {
	/** Base URL such as `http://127.0.0.1:9999`. */
	readonly url: string;
	/** Sent verbatim as the `Authorization` header when set. */
	readonly secret?: string;
	/** Per-request timeout, headers and body together. Default 5000. */
	readonly timeoutMs?: number;
	/** Largest accepted body. Default 256 MiB. */
	readonly maxBodyBytes?: number;
};
