import type {DemoProcess} from './demo-process.js';
import {readCpuMs, readPeakRssBytes, readRssBytes} from './proc-stats.js';
import {startInPty, waitForOutput} from './pty-process.js';
import {sleep} from './statistics.js';

export type SteadySample = {
	/** hytop's CPU time over the window, as a percentage of one core. */
	readonly cpuPercent: number;
	readonly peakRssBytes: number;
	/** Bytes hytop wrote to the terminal per second over the window. */
	readonly bytesPerSecond: number;
	/** The demo server's CPU over the same window. */
	readonly serverCpuPercent: number;
};

// The header's stream count and a stream row: data is on screen.
const hasData = (output: string): boolean =>
	/streams [1-9]/.test(output) && output.includes('estab');

/**
One real `hytop --url` process in a 200x50 pseudo-terminal at a 1 s
interval: CPU, peak memory and terminal bytes over `windowMs`, measured
after the first data frame and `warmUpMs` more.
*/
export const measureSteady = async (
	server: DemoProcess,
	windowMs: number,
	warmUpMs = 3000,
): Promise<SteadySample> => {
	const pty = await startInPty(['--url', server.url, '--interval', '1'], {
		env: {HYTOP_SECRET: server.secret},
	});
	try {
		if ((await waitForOutput(pty, hasData, 30_000)) === undefined) {
			throw new Error('hytop never showed data');
		}

		await sleep(warmUpMs);
		const cpuStartMs = readCpuMs(pty.pid);
		const serverStartMs = server.cpuMs();
		const bytesStart = pty.writtenBytes();
		const startMs = performance.now();
		await sleep(windowMs);
		const elapsedMs = performance.now() - startMs;
		const cpuMs = readCpuMs(pty.pid) - cpuStartMs;
		const serverMs = server.cpuMs() - serverStartMs;
		const bytes = pty.writtenBytes() - bytesStart;

		return {
			cpuPercent: (100 * cpuMs) / elapsedMs,
			peakRssBytes: readPeakRssBytes(pty.pid),
			bytesPerSecond: (bytes * 1000) / elapsedMs,
			serverCpuPercent: (100 * serverMs) / elapsedMs,
		};
	} finally {
		await pty.stop();
	}
};

/** Milliseconds from spawning `hytop --demo` to a screen with data. */
export const measureFirstFrame = async (): Promise<number> => {
	const pty = await startInPty(['--demo']);
	try {
		const atMs = await waitForOutput(pty, hasData, 15_000);
		if (atMs === undefined) {
			throw new Error('the demo never showed data');
		}

		return atMs - pty.spawnedAtMs;
	} finally {
		await pty.stop();
	}
};

export type SoakSample = {readonly atS: number; readonly rssBytes: number};

/** RSS of one hytop process every `everyMs` for `durationMs`. */
export const measureSoak = async (
	server: DemoProcess,
	durationMs: number,
	everyMs: number,
	onSample: (sample: SoakSample) => void,
): Promise<SoakSample[]> => {
	const pty = await startInPty(['--url', server.url, '--interval', '1'], {
		env: {HYTOP_SECRET: server.secret},
	});
	const samples: SoakSample[] = [];
	try {
		if ((await waitForOutput(pty, hasData, 30_000)) === undefined) {
			throw new Error('hytop never showed data');
		}

		const startMs = performance.now();
		for (;;) {
			const atMs = performance.now() - startMs;
			const sample = {
				atS: Math.round(atMs / 1000),
				rssBytes: readRssBytes(pty.pid),
			};
			samples.push(sample);
			onSample(sample);
			if (atMs >= durationMs) {
				break;
			}

			// eslint-disable-next-line no-await-in-loop
			await sleep(Math.min(everyMs, durationMs - atMs + 1));
		}
	} finally {
		await pty.stop();
	}

	return samples;
};
