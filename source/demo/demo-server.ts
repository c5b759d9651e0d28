import {createSimulator} from './simulator.js';
import {startStatsServer} from './stats-server.js';
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
};

export type DemoServer = {
	readonly url: string;
	readonly store: StatsStore;
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
	});
	const simulator = createSimulator({
		store,
		users: options.users,
		streams: options.streams,
		seed: options.seed,
	});
	simulator.start(options.tickMs);

	return {
		url: server.url,
		store,
		async close() {
			simulator.stop();
			await server.close();
		},
	};
};
