import {once} from 'node:events';

import {startDemoServer} from './demo/demo-server.js';
import type {ServeDemoOptions} from './options.js';

/** Runs the demo stats server in the foreground until a signal ends it. */
export const runServeDemo = async (
	options: ServeDemoOptions,
	log: (line: string) => void,
): Promise<number> => {
	const server = await startDemoServer({
		host: options.host,
		port: options.port,
		secret: options.secret,
		users: options.users,
		streams: options.streams,
		seed: options.seed,
		faults: options.faults,
		hostileNames: options.hasHostileNames,
	});
	log(
		`hytop demo stats server (simulated traffic) on ${server.url}` +
			(options.secret ? ', secret required' : '') +
			(options.faults.length > 0 ? ', misbehaving on purpose' : '') +
			'. Ctrl-C stops it.',
	);

	const signal = await Promise.race([
		once(process, 'SIGINT').then(() => 'SIGINT'),
		once(process, 'SIGTERM').then(() => 'SIGTERM'),
		once(process, 'SIGHUP').then(() => 'SIGHUP'),
	]);
	await server.close();
	log(`stopped (${signal}).`);
	return 0;
};
