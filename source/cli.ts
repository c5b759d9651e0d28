#!/usr/bin/env node
import './terminal/live-rendering.js';

import process from 'node:process';

import meow from 'meow';

import {
	type MonitorOptions,
	parseOptions,
	UsageError,
} from './options.js';
import {loadServers, type ServerConfig} from './config/server-config.js';
import {restoreScreen} from './terminal/full-screen.js';

const cli = meow(
	`
	Usage
	  $ hytop [options]              watch a Hysteria server live
	  $ hytop --demo                 watch a simulated server (no Hysteria needed)
	  $ hytop serve-demo [options]   run the simulated stats server alone
	  $ hytop export [options]       serve Prometheus metrics for the servers

	Monitor options
	  --url URL            Traffic Stats API address; repeat for several servers
	                       (default: this host's Hysteria configuration, else
	                       http://127.0.0.1:9999)
	  --config-file PATH   YAML or JSON file listing servers
	  --hysteria-config PATH  read a Hysteria server configuration
	  --secret-file PATH   file holding the API secret (or set HYTOP_SECRET)
	  --secret SECRET      the secret itself (visible in the process list)
	  --interval SECONDS   time between polls (default 1)
	  --timeout SECONDS    time a request may take (default 5)
	  --demo               monitor an embedded simulated server
	  --read-only          disable kick and clear
	  --ledger PATH        where a clear appends the cleared totals
	                       (default ~/.local/state/hytop/ledger.jsonl)
	  --max-body-mb N      largest answer accepted, in MiB (default 256)
	  --once               print one snapshot and exit (no terminal needed)
	  --json               with --once: print JSON

	export options (and --url, --config-file, --hysteria-config, --interval)
	  --listen HOST:PORT   address of /metrics (default 127.0.0.1:9464)
	  --allow-remote       allow a listen address other than loopback

	serve-demo options
	  --listen HOST:PORT   address to bind (default 127.0.0.1:9999)
	  --secret SECRET      require this secret (or set HYTOP_SECRET)
	  --users N            simulated users (default 40)
	  --streams N          open streams to aim for
	  --seed N             which simulated run to play (default 1)
	  --fault SPEC         misbehave on purpose, e.g. hang:streams,html-500:online
	  --hostile-names      user ids and addresses full of control characters

	Keys: arrows move, Tab switches pane, k kicks, c clears, p pauses,
	? shows help, q quits.
`,
	{
		importMeta: import.meta,
		allowUnknownFlags: false,
		flags: {
			url: {type: 'string', isMultiple: true},
			configFile: {type: 'string'},
			hysteriaConfig: {type: 'string'},
			ledger: {type: 'string'},
			maxBodyMb: {type: 'number'},
			secretFile: {type: 'string'},
			secret: {type: 'string'},
			interval: {type: 'number'},
			timeout: {type: 'number'},
			demo: {type: 'boolean'},
			readOnly: {type: 'boolean'},
			once: {type: 'boolean'},
			json: {type: 'boolean'},
			listen: {type: 'string'},
			users: {type: 'number'},
			streams: {type: 'number'},
			seed: {type: 'number'},
			fault: {type: 'string'},
			hostileNames: {type: 'boolean'},
			allowRemote: {type: 'boolean'},
		},
	},
);

const fail = (message: string, exitCode: number) => {
	process.stderr.write(`hytop: ${message}\n`);
	process.exitCode = exitCode;
};

const warn = (message: string) => {
	process.stderr.write(`hytop: warning: ${message}\n`);
};

const snapshot = async (
	options: MonitorOptions,
	servers: readonly ServerConfig[],
): Promise<number> => {
	const [{createStatsClient}, {runOnce}] = await Promise.all([
		import('./api/http-client.js'),
		import('./run-once.js'),
	]);
	const watched = servers.map(server => ({
		name: server.name,
		client: createStatsClient({
			url: server.url,
			secret: server.secret,
			timeoutMs: options.timeoutMs,
			maxBodyBytes: options.maxBodyBytes,
		}),
	}));
	try {
		return await runOnce(
			watched,
			options.intervalMs,
			options.isJson,
			text => process.stdout.write(text),
			text => process.stderr.write(text),
		);
	} finally {
		await Promise.all(watched.map(async ({client}) => client.close()));
	}
};

const main = async (): Promise<number> => {
	const options = parseOptions(cli.input, cli.flags, process.env);
	if (options.command === 'serve-demo') {
		const {runServeDemo} = await import('./run-serve-demo.js');
		return runServeDemo(options, line => {
			process.stderr.write(`${line}\n`);
		});
	}

	if (options.command === 'export') {
		const servers = await loadServers({
			urls: options.urls,
			configFile: options.configFile,
			hysteriaConfig: options.hysteriaConfig,
			urlSecretSource: options.secretSource,
			environment: process.env,
			warn,
		});
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

	const servers = options.isDemo
		? []
		: await loadServers({
				urls: options.urls,
				configFile: options.configFile,
				hysteriaConfig: options.hysteriaConfig,
				urlSecretSource: options.secretSource,
				environment: process.env,
				warn,
			});
	if (options.isOnce) {
		return snapshot(options, servers);
	}

	const {runMonitor} = await import('./run-monitor.js');
	return runMonitor(options, servers);
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
