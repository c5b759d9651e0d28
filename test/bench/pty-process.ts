import {type ChildProcess, spawn} from 'node:child_process';
import {once} from 'node:events';
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

import {readChildPid} from './proc-stats.js';
import {sleep} from './statistics.js';

export type PtyProcess = {
	/** The hytop process itself (not the `script` wrapper). */
	readonly pid: number;
	/** Wall-clock time `script` was spawned, from performance.now(). */
	readonly spawnedAtMs: number;
	/** Bytes hytop has written to the terminal so far. */
	readonly writtenBytes: () => number;
	/** Everything written so far, as text. */
	readonly output: () => string;
	readonly stop: () => Promise<void>;
};

const cliPath = new URL('../../dist/cli.js', import.meta.url).pathname;

const quote = (text: string): string => `'${text.replaceAll("'", `'\\''`)}'`;

/**
Runs `node dist/cli.js ARGS` in a pseudo-terminal of the given size made by
util-linux `script`, which copies every byte the program writes to a file.
*/
export const startInPty = async (
	args: readonly string[],
	{
		columns = 200,
		rows = 50,
		env = {},
	}: {columns?: number; rows?: number; env?: Record<string, string>} = {},
): Promise<PtyProcess> => {
	const directory = mkdtempSync(join(tmpdir(), 'hytop-bench-'));
	const logPath = join(directory, 'terminal.log');
	const command = [
		`stty cols ${columns} rows ${rows};`,
		'exec',
		quote(process.execPath),
		quote(cliPath),
		...args.map(quote),
	].join(' ');
	const spawnedAtMs = performance.now();
	const child: ChildProcess = spawn(
		'script',
		['--quiet', '--flush', '--command', command, logPath],
		{
			// stdin stays an open pipe: at end of input `script` would stop.
			stdio: ['pipe', 'ignore', 'ignore'],
			env: {...process.env, ...env, TERM: 'xterm-256color'},
		},
	);

	let pid: number | undefined;
	const deadline = Date.now() + 10_000;
	while (pid === undefined) {
		const candidate = readChildPid(child.pid!);
		if (candidate !== undefined) {
			try {
				const commandLine = readFileSync(`/proc/${candidate}/cmdline`, 'utf8');
				if (commandLine.includes('cli.js')) {
					pid = candidate;
				}
			} catch {
				// The shell is still turning into node.
			}
		}

		if (pid === undefined) {
			if (Date.now() > deadline) {
				throw new Error('hytop did not start in the pseudo-terminal');
			}

			// eslint-disable-next-line no-await-in-loop
			await sleep(2);
		}
	}

	const hytopPid = pid;
	const writtenBytes = (): number => {
		try {
			return statSync(logPath).size;
		} catch {
			return 0;
		}
	};

	return {
		pid: hytopPid,
		spawnedAtMs,
		writtenBytes,
		output: () => {
			try {
				return readFileSync(logPath, 'utf8');
			} catch {
				return '';
			}
		},
		async stop() {
			if (child.exitCode === null) {
				const exited = once(child, 'exit');
				try {
					process.kill(hytopPid, 'SIGTERM');
				} catch {
					// Already gone.
				}

				const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
				await exited;
				clearTimeout(timer);
			}

			rmSync(directory, {recursive: true, force: true});
		},
	};
};

/** Waits until the output satisfies `isDone`; returns when, or undefined. */
export const waitForOutput = async (
	pty: PtyProcess,
	isDone: (output: string) => boolean,
	timeoutMs = 15_000,
): Promise<number | undefined> => {
	const deadline = performance.now() + timeoutMs;
	let checkedBytes = -1;
	while (performance.now() < deadline) {
		const bytes = pty.writtenBytes();
		if (bytes !== checkedBytes) {
			checkedBytes = bytes;
			if (isDone(pty.output())) {
				return performance.now();
			}
		}

		// eslint-disable-next-line no-await-in-loop
		await sleep(2);
	}

	return undefined;
};
