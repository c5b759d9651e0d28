import {once} from 'node:events';

import {startDemoServer} from './demo/demo-server.js';
import {isLoopbackHost} from './demo/secret-check.js';
import {type ServeDemoOptions, UsageError} from './options.js';

const listenProblem = (error: unknown, where: string): Error => {
	switch ((error as NodeJS.ErrnoException).code) {
		case 'EADDRINUSE': {
			return new UsageError(
				`${where} is already in use: choose another port with --listen`,
			);
		}

		case 'EADDRNOTAVAIL': {
			return new UsageError(`${where}: no such address on this machine`);
		}

		case 'EACCES': {
			return new UsageError(
				`${where}: not allowed to listen there (ports below 1024 need root)`,
			);
		}

		default: {
			return error instanceof Error ? error : new Error(String(error));
		}
	}
};

/** Runs the demo stats server in the foreground until a signal ends it. */
export const runServeDemo = async (
	options: ServeDemoOptions,
	log: (line: string) => void,
): Promise<number> => {
	const where = `${options.host}:${options.port}`;
	if (options.secret === undefined && !isLoopbackHost(options.host)) {
		throw new UsageError(
			`will not serve on ${where} without a secret: the traffic stats ` +
				'name every user. Give --secret, or listen on 127.0.0.1.',
		);
	}

	const server = await startDemoServer({
		host: options.host,
		port: options.port,
		secret: options.secret,
		users: options.users,
		streams: options.streams,
		seed: options.seed,
		faults: options.faults,
		hostileNames: options.hasHostileNames,
	}).catch((error: unknown) => {
		throw listenProblem(error, where);
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
