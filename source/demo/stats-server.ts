import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type {AddressInfo} from 'node:net';

import {
	defaultHugeSizeBytes,
	defaultSlowDelayMs,
	faultReply,
	sendHuge,
	truncateReply,
} from './fault-replies.js';
import {type ApiRoute, apiRoutes, type Fault, findFault} from './faults.js';
import {parseBool} from './parse-bool.js';
import {
	errorReply,
	htmlType,
	sendReply,
	unauthorizedReply,
	type Reply,
} from './reply.js';
import {createRestartView} from './restart-view.js';
import {createSecretCheck, isLoopbackHost} from './secret-check.js';
import {replyRoute, type RouteContext} from './routes.js';
import type {StatsStore} from './stats-store.js';

export {encodeGoString} from './go-json.js';
export {createTimestampFormatter} from './rfc3339-nano.js';

export type StatsServerOptions = {
	/** Address to listen on. Default `127.0.0.1`. */
	readonly host?: string;
	/** Default 0: a free port chosen by the system. */
	readonly port?: number;
	/** When set, every request must send it as the `Authorization` value. */
	readonly secret?: string;
	readonly store: StatsStore;
	/** Misbehaviour to start with. Default none. */
	readonly faults?: readonly Fault[];
};

/** What one route has been asked, counted at the server. */
export type RouteStats = {
	readonly requests: number;
	/** Requests whose answer has not ended (or whose client left). */
	readonly inFlight: number;
	/** The most ever in flight at once. */
	readonly peakInFlight: number;
	/** Body bytes written, a huge body's included. */
	readonly bodyBytes: number;
};

export type StatsServer = {
	/** Base URL such as `http://127.0.0.1:9999`. */
	readonly url: string;
	readonly port: number;
	/** Replaces the faults; a `restart` among them restarts at once. */
	setFaults(faults: readonly Fault[]): void;
	/** Counts per route since the server started. */
	requestStats(): Readonly<Record<ApiRoute, RouteStats>>;
	/** Stops listening and ends open connections, hanging ones too. */
	close(): Promise<void>;
};

const indexHtml =
	'<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">' +
	'<title>Traffic Stats API</title></head><body>' +
	'<p>This is a Hysteria Traffic Stats API server (hytop demo).</p>' +
	'</body></html>';

const decodePath = (rawPath: string): string | undefined => {
	try {
		return decodeURIComponent(rawPath);
	} catch {
		return undefined;
	}
};

type Target = {
	/** Undefined for `/` and anything the API does not have. */
	readonly route: ApiRoute | undefined;
	readonly isIndex: boolean;
};

// Routing is by method and exact path, as in Go's ServeMux.
const classify = (request: IncomingMessage): Target => {
	const target = request.url ?? '/';
	const queryStart = target.indexOf('?');
	const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
	const query = queryStart === -1 ? '' : target.slice(queryStart + 1);
	const endpoint = `${request.method ?? ''} ${decodePath(rawPath) ?? ''}`;
	const routes: Readonly<Record<string, ApiRoute>> = {
		'POST /kick': 'kick',
		'GET /online': 'online',
		'GET /dump/streams': 'streams',
	};
	if (endpoint === 'GET /traffic') {
		const clear = parseBool(new URLSearchParams(query).get('clear') ?? '');

		return {route: clear === true ? 'clear' : 'traffic', isIndex: false};
	}

	return {route: routes[endpoint], isIndex: endpoint === 'GET /'};
};

const listen = async (
	server: ReturnType<typeof createServer>,
	port: number,
	host: string,
): Promise<number> =>
	new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			resolve((server.address() as AddressInfo).port);
		});
	});

const wait = async (ms: number): Promise<void> =>
	new Promise(resolve => {
		setTimeout(resolve, ms).unref();
	});

// Faults that answer in place of the server, before it reads the request.
const transportKinds = [
	'hang',
	'reset',
	'html-500',
	'unauthorized',
	'not-found',
] as const;
// Faults that replace a good answer's body; a kick has none.
const bodyKinds = ['malformed', 'wrong-shape', 'null', 'huge'] as const;

type MutableStats = {-readonly [K in keyof RouteStats]: RouteStats[K]};

/**
Serves a store over HTTP exactly as a Hysteria server's `trafficStats`
section does, unless told to misbehave (see `Fault`). Without a secret it
listens on loopback only.
*/
export const startStatsServer = async (
	options: StatsServerOptions,
): Promise<StatsServer> => {
	const host = options.host ?? '127.0.0.1';
	const secret = options.secret ?? '';
	if (secret === '' && !isLoopbackHost(host)) {
		throw new Error(
			`Refusing to serve traffic stats on ${host} without a secret: ` +
				'set a secret or listen on 127.0.0.1.',
		);
	}

	const {store} = options;
	const isAuthorized =
		secret === '' ? () => true : createSecretCheck(secret);
	const context: RouteContext = {
		store,
		faults: [],
		view: createRestartView(),
	};
	const stats = new Map<ApiRoute, MutableStats>(
		apiRoutes.map(route => [
			route,
			{requests: 0, inFlight: 0, peakInFlight: 0, bodyBytes: 0},
		]),
	);
	let restartTimer: NodeJS.Timeout | undefined;

	const restart = (): void => {
		context.view.restart(store.traffic(), store.streams());
	};

	const setFaults = (faults: readonly Fault[]): void => {
		context.faults = [...faults];
		clearInterval(restartTimer);
		restartTimer = undefined;
		const restartFault = faults.find(fault => fault.kind === 'restart');
		if (restartFault !== undefined) {
			restart();
			if (restartFault.everyMs !== undefined) {
				restartTimer = setInterval(restart, restartFault.everyMs);
				restartTimer.unref();
			}
		}
	};

	const answer = async (
		request: IncomingMessage,
		response: ServerResponse,
		{route, isIndex}: Target,
	): Promise<void> => {
		const count = (bytes: number): void => {
			if (route !== undefined) {
				stats.get(route)!.bodyBytes += bytes;
			}
		};

		const send = (reply: Reply): void => {
			count(sendReply(response, reply));
		};

		const {faults} = context;
		const slow = findFault(faults, route, ['slow']);
		if (slow !== undefined) {
			await wait(slow.delayMs ?? defaultSlowDelayMs);
			if (response.destroyed) {
				return;
			}
		}

		const transport = findFault(faults, route, transportKinds);
		if (transport?.kind === 'hang') {
			return;
		}

		if (transport?.kind === 'reset') {
			request.socket.resetAndDestroy();
			return;
		}

		if (transport !== undefined) {
			send(faultReply(transport, route!));
			return;
		}

		if (!isAuthorized(request)) {
			send(unauthorizedReply);
			return;
		}

		if (route === undefined) {
			send(
				isIndex
					? {status: 200, contentType: htmlType, body: indexHtml}
					: errorReply(404, '404 page not found'),
			);
			return;
		}

		const bodyFault =
			route === 'kick' ? undefined : findFault(faults, route, bodyKinds);
		if (bodyFault?.kind === 'huge') {
			const sizeBytes = bodyFault.sizeBytes ?? defaultHugeSizeBytes;
			sendHuge(response, route, sizeBytes, count);
			return;
		}

		if (bodyFault !== undefined) {
			send(faultReply(bodyFault, route));
			return;
		}

		let reply: Reply;
		try {
			reply = await replyRoute(context, route, request);
		} catch (error) {
			const message = error instanceof Error ? error.message : 'error';
			reply = errorReply(500, message);
		}

		const isCut = findFault(faults, route, ['truncate']) !== undefined;
		send(isCut && reply.status === 200 ? truncateReply(reply) : reply);
	};

	const server = createServer((request, response) => {
		const target = classify(request);
		const routeStats =
			target.route === undefined ? undefined : stats.get(target.route);
		if (routeStats !== undefined) {
			routeStats.requests++;
			routeStats.inFlight++;
			routeStats.peakInFlight = Math.max(
				routeStats.peakInFlight,
				routeStats.inFlight,
			);
			// Fires once: when the answer ended or the client went away.
			response.once('close', () => {
				routeStats.inFlight--;
			});
		}

		answer(request, response, target).catch(() => {
			response.destroy();
		});
	});
	setFaults(options.faults ?? []);
	const port = await listen(server, options.port ?? 0, host);
	const urlHost = host.includes(':') ? `[${host}]` : host;

	return {
		url: `http://${urlHost}:${port}`,
		port,
		setFaults,
		requestStats: () =>
			Object.fromEntries(
				[...stats].map(([route, counts]) => [route, {...counts}]),
			) as Record<ApiRoute, RouteStats>,
		async close() {
			clearInterval(restartTimer);
			const closed = new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
			});
			server.closeAllConnections();
			await closed;
		},
	};
};
