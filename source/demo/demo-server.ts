import type {ApiRoute, Fault} from './faults.js';
import {createHostileCast} from './hostile-names.js';
import {createSimulator} from './simulator.js';
import {
	type RouteStats,
	startStatsServer,
} from './stats-server.js';
import {StatsStore} from './stats-store.js';

export type DemoServerOptions = {
	/** Default `127.0.0.1`; any other address needs a secret. */
	readonly host?: string;
	/** Default 0: a free port. */
	readonly port?: number;
	readonly secret?: string;
	/** Simulated users. Default 40. */
	readonly users?: number;
	/** Open streams to keep. Default about three per connected device. */
	readonly streams?: number;
	/** Default 1, so that two demos tell the same story. */
	readonly seed?: number;
	/** Simulation step. Default 250. */
	readonly tickMs?: number;
	/**
	Adds users whose ids and sniffed addresses carry terminal escapes,
	control, bidi and zero-width characters, lone combining marks and long
	CJK and emoji names. Default false.
	*/
	readonly hostileNames?: boolean;
	/** Misbehaviour to start with (see `Fault`). Default none. */
	readonly faults?: readonly Fault[];
};

export type DemoServer = {
	readonly url: string;
	readonly store: StatsStore;
	/** Replaces the faults; a `restart` among them restarts at once. */
	setFaults(faults: readonly Fault[]): void;
	/** Requests per API route as the server counted them. */
	requestStats(): Readonly<Record<ApiRoute, RouteStats>>;
	/** Stops the traffic and the server. */
	close(): Promise<void>;
};

/**
A Traffic Stats server fed by simulated traffic, for the demo mode and for
tests and benchmarks that need a server with something happening on it.
*/
export const startDemoServer = async (
	options: DemoServerOptions = {},
): Promise<DemoServer> => {
	const store = new StatsStore();
	const server = await startStatsServer({
		host: options.host,
		port: options.port,
		secret: options.secret,
		store,
		faults: options.faults,
	});
	const simulator = createSimulator({
		store,
		users: options.users,
		streams: options.streams,
		seed: options.seed,
		withControlCharacters: options.hostileNames,
	});
	const hostileCast = options.hostileNames
		? createHostileCast(store)
		: undefined;
	const tickMs = options.tickMs ?? 250;
	simulator.start(tickMs);
	hostileCast?.start(tickMs);

	return {
		url: server.url,
		store,
		setFaults: faults => {
			server.setFaults(faults);
		},
		requestStats: () => server.requestStats(),
		async close() {
			simulator.stop();
			hostileCast?.stop();
			await server.close();
		},
	};
};
