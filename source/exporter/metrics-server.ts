import {once} from 'node:events';
import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type {AddressInfo} from 'node:net';

import {UsageError} from '../options.js';
import {metricsContentType} from './metrics-text.js';

export type MetricsServer = {
	/** Base URL such as `http://127.0.0.1:9464`; metrics are at /metrics. */
	readonly url: string;
	/** Stops listening and ends open connections. */
	close(): Promise<void>;
};

export type MetricsServerOptions = {
	readonly host: string;
	/** 0 picks a free port. */
	readonly port: number;
	/** The exposition, made fresh for each request. */
	readonly render: () => string;
};

const textType = 'text/plain; charset=utf-8';

const indexText =
	'hytop exporter: Hysteria traffic stats for Prometheus at /metrics\n';

const reply = (
	response: ServerResponse,
	status: number,
	contentType: string,
	body: string,
	headers: Readonly<Record<string, string>> = {},
): void => {
	response.writeHead(status, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(body),
		'Cache-Control': 'no-store',
		'X-Content-Type-Options': 'nosniff',
		...headers,
	});
	response.end(body);
};

const handle = (
	request: IncomingMessage,
	response: ServerResponse,
	render: () => string,
): void => {
	const path = (request.url ?? '/').split('?')[0];
	const isRead = request.method === 'GET' || request.method === 'HEAD';
	if (path !== '/metrics' && path !== '/') {
		reply(response, 404, textType, 'not found: metrics are at /metrics\n');
		return;
	}

	if (!isRead) {
		reply(response, 405, textType, 'method not allowed\n', {
			Allow: 'GET, HEAD',
		});
		return;
	}

	if (path === '/') {
		reply(response, 200, textType, indexText);
		return;
	}

	reply(response, 200, metricsContentType, render());
};

const describeListenError = (
	error: NodeJS.ErrnoException,
	address: string,
): string => {
	switch (error.code) {
		case 'EADDRINUSE': {
			return `${address} is already in use: choose another --listen port`;
		}

		case 'EADDRNOTAVAIL': {
			return `${address} is not an address of this machine: check --listen`;
		}

		case 'EACCES': {
			return (
				`${address} needs privileges (a port below 1024?): ` +
				'choose a port such as 9464'
			);
		}

		default: {
			return `cannot listen on ${address}: ${error.code ?? error.message}`;
		}
	}
};

/** Serves `/metrics` over plain HTTP. */
export const startMetricsServer = async (
	options: MetricsServerOptions,
): Promise<MetricsServer> => {
	const server = createServer((request, response) => {
		handle(request, response, options.render);
	});
	const urlHost = options.host.includes(':')
		? `[${options.host}]`
		: options.host;
	server.listen(options.port, options.host);
	try {
		await once(server, 'listening');
	} catch (error) {
		throw new UsageError(
			describeListenError(
				error as NodeJS.ErrnoException,
				`${urlHost}:${options.port}`,
			),
		);
	}

	const {port} = server.address() as AddressInfo;

	return {
		url: `http://${urlHost}:${port}`,
		async close() {
			const closed = once(server, 'close');
			server.close();
			server.closeAllConnections();
			await closed;
		},
	};
};
