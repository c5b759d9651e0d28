import type {StatsClient} from './api/client-contract.js';
import {createStatsClient} from './api/http-client.js';
import type {ServerConfig} from './config/server-config.js';
import {sanitizeText} from './format/sanitize-text.js';

/** A server to watch: its name as shown, and a client for its API. */
export type WatchedServer = {
	readonly name: string;
	readonly client: StatsClient;
};

/** One client per configured server, with the request limits given. */
export const watchServers = (
	servers: readonly ServerConfig[],
	limits: {readonly timeoutMs: number; readonly maxBodyBytes: number},
): WatchedServer[] =>
	servers.map(server => ({
		// Names come from a file: shown, they must be as safe as user ids.
		name: sanitizeText(server.name),
		client: createStatsClient({
			url: server.url,
			secret: server.secret,
			timeoutMs: limits.timeoutMs,
			maxBodyBytes: limits.maxBodyBytes,
		}),
	}));

export const closeServers = async (
	servers: readonly WatchedServer[],
): Promise<void> => {
	await Promise.all(servers.map(async ({client}) => client.close()));
};
