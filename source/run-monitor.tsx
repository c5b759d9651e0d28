import {randomBytes} from 'node:crypto';

import {render} from 'ink';

import {createStatsClient} from './api/http-client.js';
import {startDemoServer} from './demo/demo-server.js';
import type {MonitorOptions} from './options.js';
import {enterFullScreen} from './terminal/full-screen.js';
import {App} from './ui/app.js';

const exitSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs the live monitor until the operator quits or a signal arrives. */
export const runMonitor = async (
	options: MonitorOptions,
	secret: string | undefined,
): Promise<number> => {
	// The demo server gets a fresh secret, so demo mode exercises the same
	// authenticated path as a real server.
	const demoSecret = options.isDemo ? randomBytes(16).toString('hex') : '';
	const demo = options.isDemo
		? await startDemoServer({secret: demoSecret, seed: options.seed})
		: undefined;
	const url = demo?.url ?? options.url ?? '';
	const client = createStatsClient({
		url,
		secret: demo ? demoSecret : secret,
		timeoutMs: options.timeoutMs,
	});

	const screen = enterFullScreen(process.stdout, process.stdin);
	const instance = render(
		<App
			client={client}
			intervalMs={options.intervalMs}
			isDemo={options.isDemo}
			isReadOnly={options.isReadOnly}
		/>,
		// Ink's incremental mode misplaces lines on full-width rows; the
		// standard renderer redraws the frame and stays correct.
		{exitOnCtrlC: false},
	);

	let exitCode = 0;
	const onSignal = (signal: (typeof exitSignals)[number]) => {
		exitCode = signal === 'SIGINT' ? 130 : signal === 'SIGHUP' ? 129 : 143;
		instance.unmount();
	};

	for (const signal of exitSignals) {
		process.on(signal, onSignal);
	}

	try {
		await instance.waitUntilExit();
	} finally {
		for (const signal of exitSignals) {
			process.off(signal, onSignal);
		}

		screen.restore();
		await client.close();
		await demo?.close();
	}

	return exitCode;
};
