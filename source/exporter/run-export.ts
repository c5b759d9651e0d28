import {once} from 'node:events';

import type {ServerConfig} from '../config/server-config.js';
import {sanitizeText} from '../format/sanitize-text.js';
import {UsageError} from '../options.js';
import {collectMetrics} from './collect-metrics.js';
import {isLoopbackHost} from './loopback-host.js';
import {type MetricsServer, startMetricsServer} from './metrics-server.js';
import {renderMetrics} from './metrics-text.js';
import {createServerScrape} from './server-scrape.js';

export type ExportOptions = {
	readonly servers: readonly ServerConfig[];
	/** Address to serve /metrics on; loopback unless `allowRemote`. */
	readonly host: string;
	/** 0 picks a free port. */
	readonly port: number;
	/** Time between polls of each server. */
	readonly intervalMs: number;
	/** Time one request may take. Default 5000. */
	readonly timeoutMs?: number;
	/** Serve on a non-loopback address. Default false. */
	readonly allowRemote?: boolean;
};

export type Exporter = {
	/** Base URL such as `http://127.0.0.1:9464`; metrics are at /metrics. */
	readonly url: string;
	/** Stops polling and serving. */
	close(): Promise<void>;
};

const checkHost = (host: string, allowRemote: boolean): void => {
	if (!allowRemote && !isLoopbackHost(host)) {
		throw new UsageError(
			`refusing to serve metrics on ${host}: they name every user and ` +
				'their traffic. Listen on 127.0.0.1 (the default), or add ' +
				'--allow-remote and protect the port with a firewall',
		);
	}
};

/**
Polls every server on its own timers and serves what it learnt at /metrics.
A scrape never waits for a server: it reads the latest answers.
*/
export const startExporter = async (
	options: ExportOptions & {readonly log?: (line: string) => void},
): Promise<Exporter> => {
	checkHost(options.host, options.allowRemote ?? false);
	if (options.servers.length === 0) {
		throw new UsageError('no server to export: give --url or --config-file');
	}

	const log = options.log ?? (() => undefined);
	const scrapes = options.servers.map(server =>
		createServerScrape({
			server,
			intervalMs: options.intervalMs,
			timeoutMs: options.timeoutMs,
			log,
		}),
	);
	const closeScrapes = async () =>
		Promise.all(scrapes.map(async scrape => scrape.close()));
	let server: MetricsServer;
	try {
		// Listen first: a taken port is reported before any server is asked.
		server = await startMetricsServer({
			host: options.host,
			port: options.port,
			render: () =>
				renderMetrics(
					collectMetrics(scrapes.map(scrape => scrape.snapshot())),
				),
		});
	} catch (error) {
		await closeScrapes();
		throw error;
	}

	for (const scrape of scrapes) {
		scrape.start();
	}

	return {
		url: server.url,
		async close() {
			await Promise.all([server.close(), closeScrapes()]);
		},
	};
};

/** Runs the exporter in the foreground until SIGINT or SIGTERM. */
export const runExport = async (
	options: ExportOptions,
	log: (line: string) => void,
): Promise<number> => {
	const exporter = await startExporter({...options, log});
	const names = options.servers
		.map(server => sanitizeText(server.name))
		.join(', ');
	log(
		`hytop exporter: ${exporter.url}/metrics for ` +
			`${options.servers.length} server(s) (${names}). Ctrl-C stops it.`,
	);

	const signal = await Promise.race([
		once(process, 'SIGINT').then(() => 'SIGINT'),
		once(process, 'SIGTERM').then(() => 'SIGTERM'),
	]);
	await exporter.close();
	log(`stopped (${signal}).`);

	return 0;
};
