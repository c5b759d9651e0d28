import {type ChildProcess, spawn} from 'node:child_process';
import {once} from 'node:events';

import {readCpuMs, readPeakRssBytes} from './proc-stats.js';

export type DemoProcess = {
	readonly url: string;
	readonly secret: string;
	readonly pid: number;
	readonly cpuMs: () => number;
	readonly peakRssBytes: () => number;
	readonly stop: () => Promise<void>;
};

const cliPath = new URL('../../dist/cli.js', import.meta.url).pathname;

/**
Starts `hytop serve-demo` in a process of its own on a free loopback port,
so that its simulation does not count as hytop's cost.
*/
export const startDemoProcess = async (
	users: number,
	streams: number,
	seed = 1,
): Promise<DemoProcess> => {
	const secret = 'bench-secret';
	const child: ChildProcess = spawn(
		process.execPath,
		[
			cliPath,
			'serve-demo',
			'--listen',
			'127.0.0.1:0',
			'--users',
			String(users),
			'--streams',
			String(streams),
			'--seed',
			String(seed),
			'--secret',
			secret,
		],
		{stdio: ['ignore', 'pipe', 'pipe']},
	);
	let output = '';
	const url = await new Promise<string>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			output += chunk.toString('utf8');
			const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
			if (match) {
				resolve(match[0]);
			}
		};

		// The address line goes to stderr, as a log line.
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.once('exit', code => {
			reject(new Error(`serve-demo exited with ${code}: ${output}`));
		});
	});
	const pid = child.pid!;

	return {
		url,
		secret,
		pid,
		cpuMs: () => readCpuMs(pid),
		peakRssBytes: () => readPeakRssBytes(pid),
		async stop() {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				await once(child, 'exit');
			}
		},
	};
};
