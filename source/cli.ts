#!/usr/bin/env node
import './terminal/live-rendering.js';

import process from 'node:process';

import meow from 'meow';

import {
	type MonitorOptions,
	parseOptions,
	UsageError,
} from './options.js';
import type {ServerConfig} from './config/server-config.js';
import {restoreScreen} from './terminal/full-screen.js';
import {checkFlagNames, flagNamesIn, flagSpecs, helpText} from './cli-flags.js';

const parseCommandLine = () => {
	try {
		return meow(helpText, {
			importMeta: import.meta,
			// Unknown flags are refused later, in hytop's own words.
			allowUnknownFlags: true,
			autoHelp: false,
			flags: flagSpecs,
		});
	} catch (error) {
		// Such as a flag given twice.
		throw new UsageError((error as Error).message);
	}
};

const fail = (message: string, exitCode: number) => {
	process.stderr.write(`hytop: ${message}\n`);
	process.exitCode = exitCode;
};

const warn = (message: string) => {
	process.stderr.write(`hytop: warning: ${message}\n`);
};

const snapshot = async (
	options: MonitorOptions,
	configs: readonly ServerConfig[],
): Promise<number> => {
	const [{closeServers, watchServers}, {runOnce}] = await Promise.all([
		import('./watch-servers.js'),
		import('./run-once.js'),
	]);
	const servers = watchServers(configs, options);
	try {
		return await runOnce(
			servers,
			options.intervalMs,
			options.isJson,
			text => process.stdout.write(text),
			text => process.stderr.write(text),
		);
	} finally {
		await closeServers(servers);
	}
};

/**
The servers the flags name, or this host's, for the monitor and export.
Loaded on demand: demo mode needs no configuration, nor its YAML parser.
*/
const serversOf = async (
	options: Pick<
		MonitorOptions,
		'urls' | 'configFile' | 'hysteriaConfig' | 'secretSource'
	>,
) => {
	const {loadServers} = await import('./config/server-config.js');
	return loadServers({
		urls: options.urls,
		configFile: options.configFile,
		hysteriaConfig: options.hysteriaConfig,
		urlSecretSource: options.secretSource,
		environment: process.env,
		warn,
	});
};

const main = async (): Promise<number> => {
	const cli = parseCommandLine();
	if (process.argv.includes('--help')) {
		cli.showHelp(0);
	}

	const options = parseOptions(cli.input, cli.flags, process.env);
	checkFlagNames(options.command, flagNamesIn(process.argv.slice(2)));
	if (options.command === 'monitor' && options.seed !== undefined && !options.isDemo) {
		throw new UsageError('--seed goes with --demo');
	}

	if (options.command === 'serve-demo') {
		const {runServeDemo} = await import('./run-serve-demo.js');
		return runServeDemo(options, line => {
			process.stderr.write(`${line}\n`);
		});
	}

	if (options.command === 'export') {
		const servers = await serversOf(options);
		const {runExport} = await import('./exporter/run-export.js');
		return runExport(
			{
				servers,
				host: options.host,
				port: options.port,
				intervalMs: options.intervalMs,
				timeoutMs: options.timeoutMs,
				allowRemote: options.isRemoteAllowed,
			},
			line => {
				process.stderr.write(`${line}\n`);
			},
		);
	}

	const needsTerminal = !options.isOnce;
	if (needsTerminal && process.env['TERM'] === 'dumb') {
		fail(
			'TERM=dumb: this terminal cannot move the cursor, so the live ' +
				'monitor cannot draw. Use --once for a plain snapshot.',
			2,
		);
		return 2;
	}

	if (needsTerminal && (!process.stdin.isTTY || !process.stdout.isTTY)) {
		fail(
			'the live monitor needs an interactive terminal (stdin and stdout ' +
				'must be a TTY; with ssh use -t). For scripts and cron, use --once.',
			2,
		);
		return 2;
	}

	if (options.isDemo && options.isOnce) {
		const [{startDemoServer}, {randomBytes}] = await Promise.all([
			import('./demo/demo-server.js'),
			import('node:crypto'),
		]);
		const secret = randomBytes(16).toString('hex');
		const demo = await startDemoServer({secret, seed: options.seed});
		try {
			return await snapshot(options, [{name: 'demo', url: demo.url, secret}]);
		} finally {
			await demo.close();
		}
	}

	const servers = options.isDemo ? [] : await serversOf(options);
	if (options.isOnce) {
		return snapshot(options, servers);
	}

	const {runMonitor} = await import('./run-monitor.js');
	const exitCode = await runMonitor(options, servers);
	// The operator quit: nothing left behind (a request still hanging, a
	// file still being written) may keep the process alive.
	process.exit(exitCode);
};

const onFatal = (error: unknown) => {
	restoreScreen();
	if (error instanceof UsageError) {
		fail(`${error.message}\nRun hytop --help for usage.`, 2);
		return;
	}

	const message = error instanceof Error ? error.message : String(error);
	fail(`unexpected error: ${message}`, 1);
	process.exit(1);
};

process.on('uncaughtException', onFatal);
process.on('unhandledRejection', onFatal);

main().then(exitCode => {
	process.exitCode ||= exitCode;
}, onFatal);
