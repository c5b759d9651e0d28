import {performance} from 'node:perf_hooks';

import type {ApiError} from '../api/api-error.js';
import type {StatsClient} from '../api/client-contract.js';
import {createStatsClient} from '../api/http-client.js';
import type {Online, StreamState} from '../api/types.js';
import type {ServerConfig} from '../config/server-config.js';
import {sanitizeText} from '../format/sanitize-text.js';
import {
	type Clock,
	createPoller,
	type PolledEndpoint,
	type PollResult,
} from '../poller/poller.js';
import {
	createTrafficTotals,
	type UserTotals,
} from './traffic-totals.js';

/** What the exporter knows of one server, for one `/metrics` answer. */
export type ServerSnapshot = {
	readonly name: string;
	/** The last poll of every endpoint the server has succeeded. */
	readonly isUp: boolean;
	/** How long the last `/traffic` request took, answered or not. */
	readonly durationMs: number | undefined;
	/** Kept while the server is down: counters never go back. */
	readonly totals: ReadonlyMap<string, UserTotals>;
	readonly resetCount: number;
	/**
	Devices per user; undefined while the server is down, or when it has
	no `/online`.
	*/
	readonly online: Online | undefined;
	/** Open streams per state; undefined like `online`. */
	readonly streamCounts: ReadonlyMap<StreamState, number> | undefined;
};

export type ServerScrape = {
	start(): void;
	snapshot(): ServerSnapshot;
	/** Stops polling and closes the connections. */
	close(): Promise<void>;
};

export type ServerScrapeOptions = {
	readonly server: ServerConfig;
	readonly intervalMs: number;
	/** Per request. Default: the client's (5 s). */
	readonly timeoutMs?: number;
	/** Receives one line when the server goes down or comes back. */
	readonly log: (line: string) => void;
	/** For tests; default the real clock. */
	readonly clock?: Clock;
};

type EndpointStatus = 'pending' | 'ok' | 'failed' | 'absent';

const countStates = (
	streams: ReadonlyArray<{readonly state: StreamState}>,
): Map<StreamState, number> => {
	const counts = new Map<StreamState, number>();
	for (const {state} of streams) {
		counts.set(state, (counts.get(state) ?? 0) + 1);
	}

	return counts;
};

/** Times every `/traffic` request, including the ones that fail. */
const timeTraffic = (
	client: StatsClient,
	onDuration: (durationMs: number) => void,
): StatsClient => ({
	url: client.url,
	async traffic(options) {
		const startMs = performance.now();
		try {
			return await client.traffic(options);
		} finally {
			onDuration(performance.now() - startMs);
		}
	},
	online: async () => client.online(),
	streams: async () => client.streams(),
	kick: async userIds => client.kick(userIds),
	close: async () => client.close(),
});

/**
Polls one server with the monitor's own poller, on timers of its own, so a
slow or dead server never holds up another. It only reads: the server's
counters are never cleared.
*/
export const createServerScrape = (
	options: ServerScrapeOptions,
): ServerScrape => {
	const {server, log} = options;
	const label = sanitizeText(server.name);
	const totals = createTrafficTotals();
	const statuses = new Map<PolledEndpoint, EndpointStatus>([
		['traffic', 'pending'],
		['online', 'pending'],
		['streams', 'pending'],
	]);
	let durationMs: number | undefined;
	let online: Online | undefined;
	let streamCounts: Map<StreamState, number> | undefined;
	// Undefined until the first verdict, so that the first one is logged.
	let wasUp: boolean | undefined;
	let hasBeenUp = false;

	const client = timeTraffic(
		createStatsClient({
			url: server.url,
			secret: server.secret,
			timeoutMs: options.timeoutMs,
		}),
		measuredMs => {
			durationMs = measuredMs;
		},
	);

	const isUp = (): boolean =>
		statuses.get('traffic') === 'ok' &&
		statuses.get('online') !== 'failed' &&
		statuses.get('streams') !== 'failed';

	const reportChange = (error: ApiError | undefined): void => {
		const isNowUp = isUp();
		if (isNowUp === wasUp || (!isNowUp && error === undefined)) {
			return;
		}

		wasUp = isNowUp;
		if (isNowUp) {
			log(
				hasBeenUp
					? `${label}: answering again`
					: `${label}: answering at ${client.url}`,
			);
			hasBeenUp = true;
		} else if (error) {
			log(`${label}: ${error.message}`);
		}
	};

	const onResult = (result: PollResult): void => {
		if (!result.ok) {
			const isAbsent =
				result.error.kind === 'not-found' &&
				result.endpoint !== 'traffic';
			statuses.set(result.endpoint, isAbsent ? 'absent' : 'failed');
			if (result.endpoint === 'online') {
				online = undefined;
			} else if (result.endpoint === 'streams') {
				streamCounts = undefined;
			}

			if (isAbsent) {
				log(`${label}: ${result.error.message}`);
			}

			reportChange(isAbsent ? undefined : result.error);
			return;
		}

		statuses.set(result.endpoint, 'ok');
		switch (result.endpoint) {
			case 'traffic': {
				totals.observe(result.data);
				break;
			}

			case 'online': {
				online = result.data;
				break;
			}

			case 'streams': {
				streamCounts = countStates(result.data);
				break;
			}
		}

		reportChange(undefined);
	};

	const poller = createPoller({
		client,
		intervalMs: options.intervalMs,
		clock: options.clock,
		onResult,
	});

	return {
		start() {
			poller.start();
		},

		snapshot() {
			// Gauges of a server that is down would be stale; counters stay.
			const isNowUp = isUp();

			return {
				name: server.name,
				isUp: isNowUp,
				durationMs,
				totals: totals.totals(),
				resetCount: totals.resetCount,
				online: isNowUp ? online : undefined,
				streamCounts: isNowUp ? streamCounts : undefined,
			};
		},

		async close() {
			poller.stop();
			await client.close();
		},
	};
};
