import {randomBytes} from 'node:crypto';

import {render} from 'ink';

import type {ServerConfig} from './config/server-config.js';
import {startDemoServer} from './demo/demo-server.js';
import {defaultLedgerPath} from './ledger/ledger-path.js';
import {startHeapTrim} from './heap-trim.js';
import type {MonitorOptions} from './options.js';
import {enterFullScreen} from './terminal/full-screen.js';
import {createScreenDiffStdout} from './terminal/screen-diff-stdout.js';
import {App} from './ui/app.js';
import {closeServers, watchServers} from './watch-servers.js';

const exitSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs the live monitor until the operator quits or a signal arrives. */
export const runMonitor = async (
	options: MonitorOptions,
	configured: readonly ServerConfig[],
): Promise<number> => {
	// The demo server gets a fresh secret, so demo mode exercises the same
	// authenticated path as a real server.
	const demoSecret = options.isDemo ? randomBytes(16).toString('hex') : '';
	const demo = options.isDemo
		? await startDemoServer({secret: demoSecret, seed: options.seed})
		: undefined;
	const serverConfigs: readonly ServerConfig[] = demo
		? [{name: 'demo', url: demo.url, secret: demoSecret}]
		: configured;
	const heap = startHeapTrim();
	const servers = watchServers(serverConfigs, options).map(server => ({
		...server,
		client: heap.watch(server.client),
	}));


	const screen = enterFullScreen(process.stdout, process.stdin);
	// On a terminal, only changed lines are sent: a few new digits a second
	// instead of the whole screen.
	const stdout = process.stdout.isTTY
		? createScreenDiffStdout(process.stdout)
		: process.stdout;
	const instance = render(
		<App
			servers={servers}
			intervalMs={options.intervalMs}
			isDemo={options.isDemo}
			isReadOnly={options.isReadOnly}
			ledgerPath={options.ledgerPath ?? defaultLedgerPath(process.env)}
		/>,
		// Ink's incremental mode misplaces lines on full-width rows; the
		// standard renderer's frames go through the screen diff instead.
		{exitOnCtrlC: false, stdout},
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

		if ('dispose' in stdout) {
			stdout.dispose();
		}

		screen.restore();
		heap.stop();
		await closeServers(servers);
		await demo?.close();
	}

	return exitCode;
};
