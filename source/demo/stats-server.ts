import {createHash, timingSafeEqual} from 'node:crypto';
import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import {isIPv4, type AddressInfo} from 'node:net';
import {parseBool} from './parse-bool.js';
import type {StatsStore, StoreStream} from './stats-store.js';
import {
	formatStreamsTableLine,
	streamsTableHeader,
} from './streams-table.js';

export type StatsServerOptions = {
	/** Address to listen on. Default `127.0.0.1`. */
	readonly host?: string;
	/** Default 0: a free port chosen by the system. */
	readonly port?: number;
	/** When set, every request must send it as the `Authorization` value. */
	readonly secret?: string;
	readonly store: StatsStore;
};

export type StatsServer = {
	/** Base URL such as `http://127.0.0.1:9999`. */
	readonly url: string;
	readonly port: number;
	/** Stops listening and ends open connections. */
	close(): Promise<void>;
};

type Reply = {
	readonly status: number;
	readonly contentType?: string;
	/** Large bodies come in chunks, see `createChunkedText`. */
	readonly body: string | readonly Buffer[];
};

const jsonType = 'application/json; charset=utf-8';
const textType = 'text/plain; charset=utf-8';
const htmlType = 'text/html; charset=utf-8';

// A kick list this long is not an operator's; refuse it before buffering.
const maxKickBodyBytes = 16 * 1024 * 1024;

const indexHtml =
	'<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">' +
	'<title>Traffic Stats API</title></head><body>' +
	'<p>This is a Hysteria Traffic Stats API server (hytop demo).</p>' +
	'</body></html>';

// Go's http.Error: the message and a newline, as plain text.
const errorReply = (status: number, message: string): Reply => ({
	status,
	contentType: textType,
	body: `${message}\n`,
});

const notFound = errorReply(404, '404 page not found');
const unauthorized = errorReply(401, 'unauthorized');

// ---- JSON text as Go's encoding/json writes it ----

const plainJsonText = /^[\x20\x21\x23-\x25\x27-\x3B\x3D\x3F-\x5B\x5D-\x7E]*$/;
const goEscapes = /[<>&\u2028\u2029]/g;

/**
A JSON string literal as Go writes it: like JSON.stringify, plus `<`, `>`,
`&`, U+2028 and U+2029 escaped as `\u003c` and so on.
*/
export const encodeGoString = (text: string): string => {
	if (plainJsonText.test(text)) {
		return `"${text}"`;
	}

	return JSON.stringify(text).replace(
		goEscapes,
		character =>
			'\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'),
	);
};

const pad2 = (value: number): string => String(value).padStart(2, '0');

const formatZone = (date: Date): string => {
	const offsetMinutes = -date.getTimezoneOffset();
	if (offsetMinutes === 0) {
		return 'Z';
	}

	const sign = offsetMinutes < 0 ? '-' : '+';
	const absMinutes = Math.abs(offsetMinutes);

	return `${sign}${pad2(Math.floor(absMinutes / 60))}:${pad2(absMinutes % 60)}`;
};

const formatLocalSecond = (second: number): readonly [string, string] => {
	const date = new Date(second * 1000);
	const day =
		String(date.getFullYear()).padStart(4, '0') +
		`-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
	const time =
		`${pad2(date.getHours())}:${pad2(date.getMinutes())}:` +
		pad2(date.getSeconds());

	return [`${day}T${time}`, formatZone(date)];
};

// Digits of a fraction of a second, trailing zeros dropped, as Go does.
const formatFraction = (nanoseconds: number): string => {
	if (nanoseconds === 0) {
		return '';
	}

	let digits = 9;
	let value = nanoseconds;
	while (value % 10 === 0) {
		value /= 10;
		digits--;
	}

	return '.' + String(value).padStart(digits, '0');
};

/**
Returns a formatter of Go's RFC 3339 with nanoseconds, in the local zone:
trailing zeros of the fraction dropped, `Z` for a zero offset. The formatter
remembers each second it has seen, as the streams of a dump share few.
*/
export const createTimestampFormatter = (): ((ms: number) => string) => {
	const seconds = new Map<number, readonly [string, string]>();

	return (ms: number): string => {
		let second = Math.floor(ms / 1000);
		let nanoseconds = Math.round((ms - second * 1000) * 1e6);
		if (nanoseconds >= 1e9) {
			second++;
			nanoseconds -= 1e9;
		}

		let parts = seconds.get(second);
		if (!parts) {
			parts = formatLocalSecond(second);
			seconds.set(second, parts);
		}

		return parts[0] + formatFraction(nanoseconds) + parts[1];
	};
};

// ---- Bodies ----

// Turning one 25 MB string into bytes costs far more than turning many small
// ones: V8 must flatten the whole concatenation first. So a large body is
// gathered in pieces of about this size.
const chunkLength = 64 * 1024;

const createChunkedText = () => {
	const chunks: Buffer[] = [];
	let pending = '';

	return {
		add(text: string): void {
			pending += text;
			if (pending.length >= chunkLength) {
				chunks.push(Buffer.from(pending));
				pending = '';
			}
		},
		finish(): Buffer[] {
			chunks.push(Buffer.from(pending));

			return chunks;
		},
	};
};

// A JSON object from keys and values already encoded, in the given order.
const encodeObject = (
	members: ReadonlyArray<readonly [string, string]>,
): string =>
	'{' +
	members.map(([key, value]) => `${encodeGoString(key)}:${value}`).join(',') +
	'}';

const encodeStreams = (streams: readonly StoreStream[]): Buffer[] => {
	const formatTimestamp = createTimestampFormatter();
	const body = createChunkedText();
	body.add('{"streams":[');
	let lastAuth: string | undefined;
	let authJson = '';
	for (const [index, stream] of streams.entries()) {
		// Streams come grouped by user: encode each user id once.
		if (stream.auth !== lastAuth) {
			lastAuth = stream.auth;
			authJson = encodeGoString(stream.auth);
		}

		body.add(
			(index === 0 ? '' : ',') +
				`{"state":"${stream.state}","auth":${authJson}` +
				`,"connection":${stream.connection},"stream":${stream.stream}` +
				`,"req_addr":${encodeGoString(stream.reqAddr)}` +
				`,"hooked_req_addr":${encodeGoString(stream.hookedReqAddr)}` +
				`,"tx":${stream.tx},"rx":${stream.rx}` +
				`,"initial_at":"${formatTimestamp(stream.initialAtMs)}"` +
				`,"last_active_at":"${formatTimestamp(stream.lastActiveAtMs)}"}`,
		);
	}

	body.add(']}\n');

	return body.finish();
};

const formatTable = (streams: readonly StoreStream[], nowMs: number) => {
	const body = createChunkedText();
	body.add(streamsTableHeader + '\n');
	for (const stream of streams) {
		body.add(formatStreamsTableLine(stream, nowMs) + '\n');
	}

	return body.finish();
};

// ---- Kick body, with the messages of Go's JSON decoder ----

const goTypeName = (value: unknown): string => {
	if (Array.isArray(value)) {
		return 'array';
	}

	return typeof value === 'boolean' ? 'bool' : typeof value;
};

const unmarshalError = (value: unknown, goType: string): Error =>
	new Error(
		`json: cannot unmarshal ${goTypeName(value)} into Go value of type ` +
			goType,
	);

const parseKickIds = (body: string): string[] | Error => {
	if (body.trim() === '') {
		return new Error('EOF');
	}

	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}

	// Go decodes null into an empty list, and a null element into "".
	if (value === null) {
		return [];
	}

	if (!Array.isArray(value)) {
		return unmarshalError(value, '[]string');
	}

	const ids: string[] = [];
	for (const element of value as unknown[]) {
		if (element !== null && typeof element !== 'string') {
			return unmarshalError(element, 'string');
		}

		ids.push(element ?? '');
	}

	return ids;
};

const readBody = async (request: IncomingMessage): Promise<string> => {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > maxKickBodyBytes) {
			throw new Error('http: request body too large');
		}

		chunks.push(buffer);
	}

	return Buffer.concat(chunks).toString('utf8');
};

// ---- Routes ----

const replyTraffic = (store: StatsStore, query: string): Reply => {
	const clear = parseBool(new URLSearchParams(query).get('clear') ?? '');
	const entries = store.traffic({clear: clear === true});
	const body = encodeObject(
		entries.map(({userId, tx, rx}) => [userId, `{"tx":${tx},"rx":${rx}}`]),
	);

	return {status: 200, contentType: jsonType, body};
};

const replyOnline = (store: StatsStore): Reply => {
	const body = encodeObject(
		store.online().map(({userId, devices}) => [userId, String(devices)]),
	);

	return {status: 200, contentType: jsonType, body};
};

const replyStreams = (
	store: StatsStore,
	request: IncomingMessage,
): Reply => {
	const streams = store.streams();
	if ((request.headers.accept ?? '').includes('text/plain')) {
		const body = formatTable(streams, store.now());

		return {status: 200, contentType: textType, body};
	}

	return {status: 200, contentType: jsonType, body: encodeStreams(streams)};
};

const replyKick = async (
	store: StatsStore,
	request: IncomingMessage,
): Promise<Reply> => {
	let body: string;
	try {
		body = await readBody(request);
	} catch (error) {
		return errorReply(400, error instanceof Error ? error.message : 'EOF');
	}

	const ids = parseKickIds(body);
	if (ids instanceof Error) {
		return errorReply(400, ids.message);
	}

	store.kick(ids);

	return {status: 200, body: ''};
};

const decodePath = (rawPath: string): string | undefined => {
	try {
		return decodeURIComponent(rawPath);
	} catch {
		return undefined;
	}
};

const route = async (
	store: StatsStore,
	request: IncomingMessage,
): Promise<Reply> => {
	const target = request.url ?? '/';
	const queryStart = target.indexOf('?');
	const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
	const query = queryStart === -1 ? '' : target.slice(queryStart + 1);
	const endpoint = `${request.method ?? ''} ${decodePath(rawPath) ?? ''}`;
	switch (endpoint) {
		case 'GET /': {
			return {status: 200, contentType: htmlType, body: indexHtml};
		}

		case 'GET /traffic': {
			return replyTraffic(store, query);
		}

		case 'POST /kick': {
			return replyKick(store, request);
		}

		case 'GET /online': {
			return replyOnline(store);
		}

		case 'GET /dump/streams': {
			return replyStreams(store, request);
		}

		default: {
			return notFound;
		}
	}
};

// ---- Authentication ----

const digest = (bytes: Buffer): Buffer =>
	createHash('sha256').update(bytes).digest();

/**
Returns a check of the `Authorization` header against the secret. Digests
make the compared buffers equal in length, so the time taken tells nothing
about the secret. Header values arrive as latin1; comparing their bytes with
the secret's UTF-8 bytes matches Go's byte-wise comparison.
*/
const createSecretCheck = (
	secret: string,
): ((request: IncomingMessage) => boolean) => {
	const expected = digest(Buffer.from(secret, 'utf8'));

	return request => {
		const given = Buffer.from(request.headers.authorization ?? '', 'latin1');

		return timingSafeEqual(digest(given), expected);
	};
};

// ---- Server ----

const isLoopbackHost = (host: string): boolean =>
	host === 'localhost' ||
	host === '::1' ||
	(isIPv4(host) && host.startsWith('127.')) ||
	/^::ffff:127\./i.test(host);

const send = (response: ServerResponse, reply: Reply): void => {
	if (reply.contentType) {
		response.setHeader('Content-Type', reply.contentType);
	}

	if (reply.contentType === textType && reply.status >= 400) {
		response.setHeader('X-Content-Type-Options', 'nosniff');
	}

	if (typeof reply.body === 'string') {
		response.writeHead(reply.status);
		response.end(reply.body);
		return;
	}

	let length = 0;
	for (const chunk of reply.body) {
		length += chunk.length;
	}

	response.writeHead(reply.status, {'Content-Length': length});
	for (const chunk of reply.body) {
		response.write(chunk);
	}

	response.end();
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

/**
Serves a store over HTTP exactly as a Hysteria server's `trafficStats`
section does. Without a secret it listens on loopback only.
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

	const isAuthorized =
		secret === '' ? () => true : createSecretCheck(secret);
	const reply = async (request: IncomingMessage): Promise<Reply> => {
		if (!isAuthorized(request)) {
			return unauthorized;
		}

		try {
			return await route(options.store, request);
		} catch (error) {
			const message = error instanceof Error ? error.message : 'error';

			return errorReply(500, message);
		}
	};

	const server = createServer((request, response) => {
		void reply(request).then(finalReply => {
			send(response, finalReply);
		});
	});
	const port = await listen(server, options.port ?? 0, host);
	const urlHost = host.includes(':') ? `[${host}]` : host;

	return {
		url: `http://${urlHost}:${port}`,
		port,
		async close() {
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
