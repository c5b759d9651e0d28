import {Buffer} from 'node:buffer';
import {Pool} from 'undici';
import type {Dispatcher} from 'undici';
import {ApiError} from './api-error.js';
import type {StatsClient, StatsClientOptions} from './client-contract.js';
import type {Endpoint} from './types.js';
import {parseOnline, parseStreams, parseTraffic} from './validate.js';

const mebibyte = 1024 * 1024;
const defaultTimeoutMs = 5000;
// Room for a dump of about 250,000 streams (some 250 bytes each), while
// three endpoints at the cap still fit in a small VPS's memory.
const defaultMaxBodyBytes = 64 * mebibyte;
// Error bodies are only read for a short excerpt.
const maxErrorBodyBytes = 4096;
const maxExcerptLength = 80;

type Call = {
	readonly endpoint: Endpoint;
	readonly method: 'GET' | 'POST';
	/** Path and query, relative to the base URL. */
	readonly path: string;
	readonly body?: string;
};

type Target = {
	readonly origin: string;
	readonly basePath: string;
	/** What `url` shows: no credentials, no trailing slash. */
	readonly displayUrl: string;
	/** Strings that must never appear in a message. */
	readonly secrets: readonly string[];
};

const parseTarget = (rawUrl: string): Target => {
	let url: URL;
	try {
		url = new URL(rawUrl);
	} catch {
		// The input is not repeated: it may hold credentials.
		throw new Error(
			'invalid server URL: expected something like http://127.0.0.1:9999',
		);
	}

	if (url.protocol !== 'http:') {
		throw new Error(
			`unsupported server URL scheme "${url.protocol}": the traffic stats API is plain http:`,
		);
	}

	const secrets = [url.username, url.password]
		.flatMap(part => [part, safeDecode(part)])
		.filter(part => part.length > 0);
	const basePath = url.pathname.replace(/\/+$/, '');

	return {
		origin: url.origin,
		basePath,
		displayUrl: `${url.origin}${basePath}`,
		secrets,
	};
};

const safeDecode = (text: string): string => {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
};

const positiveOption = (
	name: string,
	value: number | undefined,
	fallback: number,
): number => {
	if (value === undefined) {
		return fallback;
	}

	if (!Number.isFinite(value) || value <= 0) {
		throw new RangeError(`${name} must be a positive number`);
	}

	return value;
};

const formatMebibytes = (bytes: number): string =>
	String(Number((bytes / mebibyte).toFixed(2)));

// Control and format characters (bidi, zero-width) from the server must
// never reach the terminal, nor combining marks left with nothing to mark.
const controlCharacters = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;
const loneMarks = /(^|\s)\p{M}+/gu;

/** A one-line, short, printable excerpt of a server's error body. */
const excerpt = (body: string): string => {
	const text = body
		.replace(/<[^>]*>/g, ' ')
		.replace(controlCharacters, ' ')
		.replace(/\s+/g, ' ')
		.replace(loneMarks, '$1')
		.trim();
	const codePoints = Array.from(text);

	return codePoints.length > maxExcerptLength
		? `${codePoints.slice(0, maxExcerptLength).join('')}…`
		: text;
};

type BodyReadResult =
	| {readonly isComplete: true; readonly bytes: Buffer}
	| {readonly isComplete: false; readonly bytes: Buffer};

/**
Reads a body up to `limit` bytes. Past the limit the stream is destroyed, which
makes undici drop the connection instead of downloading the rest.
*/
const readBody = async (
	body: Dispatcher.ResponseData['body'],
	limit: number,
): Promise<BodyReadResult> => {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of body) {
		const bytes = chunk as Buffer;
		length += bytes.length;
		if (length > limit) {
			chunks.push(bytes.subarray(0, bytes.length - (length - limit)));
			body.destroy();
			return {isComplete: false, bytes: Buffer.concat(chunks)};
		}

		chunks.push(bytes);
	}

	return {isComplete: true, bytes: Buffer.concat(chunks)};
};

/** Every `code` found on an error, its causes and aggregated errors. */
const errorCodes = (error: unknown, depth = 0): string[] => {
	if (typeof error !== 'object' || error === null || depth > 4) {
		return [];
	}

	const {code, cause, errors} = error as {
		code?: unknown;
		cause?: unknown;
		errors?: unknown;
	};
	const codes = typeof code === 'string' ? [code] : [];
	codes.push(...errorCodes(cause, depth + 1));
	if (Array.isArray(errors)) {
		for (const inner of errors) {
			codes.push(...errorCodes(inner, depth + 1));
		}
	}

	return codes;
};

const timeoutCodes = [
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'ETIMEDOUT',
];
const resetCodes = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'];

export const createStatsClient = (options: StatsClientOptions): StatsClient => {
	const target = parseTarget(options.url);
	const timeoutMs = positiveOption(
		'timeoutMs',
		options.timeoutMs,
		defaultTimeoutMs,
	);
	const maxBodyBytes = positiveOption(
		'maxBodyBytes',
		options.maxBodyBytes,
		defaultMaxBodyBytes,
	);
	const {secret} = options;
	if (secret !== undefined && /[\0\r\n]/.test(secret)) {
		throw new Error(
			'the secret contains a line break or NUL, which HTTP headers cannot carry',
		);
	}

	const secrets = [...target.secrets, ...(secret ? [secret] : [])];
	const scrub = (text: string): string =>
		secrets.reduce(
			(result, hidden) => result.replaceAll(hidden, '***'),
			text,
		);
	const fail = (
		kind: ApiError['kind'],
		call: Call,
		message: string,
		status?: number,
	): ApiError => new ApiError(kind, call.endpoint, scrub(message), status);

	const pool = new Pool(target.origin, {
		// One connection per polled endpoint, plus room for kicks.
		connections: 8,
		connectTimeout: timeoutMs,
		headersTimeout: timeoutMs,
		bodyTimeout: timeoutMs,
	});
	let isClosed = false;

	const networkError = (
		error: unknown,
		call: Call,
		hasTimedOut: boolean,
	): ApiError => {
		const codes = errorCodes(error);
		const route = `${call.method} ${call.path}`;
		if (hasTimedOut || codes.some(code => timeoutCodes.includes(code))) {
			const message = `${route}: no answer within ${timeoutMs} ms`;

			return fail('timeout', call, message);
		}

		if (codes.includes('ECONNREFUSED')) {
			return fail(
				'refused',
				call,
				`cannot connect to ${target.displayUrl}: connection refused`,
			);
		}

		if (codes.some(code => resetCodes.includes(code))) {
			const message = `${route}: connection reset by the server`;

			return fail('reset', call, message);
		}

		if (isClosed || codes.includes('UND_ERR_DESTROYED')) {
			return fail('network', call, `${route}: the client is closed`);
		}

		const detail =
			codes[0] ??
			(error instanceof Error ? excerpt(scrub(error.message)) : 'unknown error');

		return fail('network', call, `${route}: network error (${detail})`);
	};

	const statusError = async (
		response: Dispatcher.ResponseData,
		call: Call,
	): Promise<ApiError> => {
		const status = response.statusCode;
		const {bytes} = await readBody(response.body, maxErrorBodyBytes);
		if (status === 401) {
			return fail(
				'unauthorized',
				call,
				secret
					? 'authentication failed: check the secret'
					: 'authentication failed: the server wants a secret and none ' +
							'was given (--secret-file or HYTOP_SECRET)',
				status,
			);
		}

		if (status === 404) {
			const {path} = call;
			const message =
				call.endpoint === 'online' || call.endpoint === 'streams'
					? `${path} is not supported by this server (older Hysteria)`
					: `${path} not found: is this a Hysteria traffic stats server?`;

			return fail('not-found', call, message, status);
		}

		// Masked before the excerpt is cut and tidied, which could otherwise
		// leave a secret echoed by the server in a form the mask misses.
		const text = excerpt(scrub(bytes.toString('utf8')));
		const suffix = text.length > 0 ? `: ${text}` : '';

		return fail(
			'http-status',
			call,
			`${call.method} ${call.path}: HTTP ${status}${suffix}`,
			status,
		);
	};

	/** Runs one call; resolves with the body of a 2xx answer. */
	const send = async (call: Call): Promise<Buffer> => {
		const controller = new AbortController();
		let hasTimedOut = false;
		const timer = setTimeout(() => {
			hasTimedOut = true;
			controller.abort();
		}, timeoutMs);
		timer.unref();

		const headers: Record<string, string> = {accept: 'application/json'};
		if (secret !== undefined) {
			// undici writes header strings as Latin-1; the server compares
			// bytes with its UTF-8 configuration, so send the UTF-8 bytes.
			headers['authorization'] = Buffer.from(secret, 'utf8').toString(
				'latin1',
			);
		}

		if (call.body !== undefined) {
			headers['content-type'] = 'application/json';
		}

		try {
			const response = await pool.request({
				method: call.method,
				path: `${target.basePath}${call.path}`,
				headers,
				body: call.body,
				signal: controller.signal,
			});
			if (response.statusCode < 200 || response.statusCode > 299) {
				throw await statusError(response, call);
			}

			const declared = Number(response.headers['content-length']);
			const result =
				declared > maxBodyBytes
					? (response.body.destroy(), undefined)
					: await readBody(response.body, maxBodyBytes);
			if (result === undefined || !result.isComplete) {
				const limit = formatMebibytes(maxBodyBytes);
				const message = `${call.path}: response larger than ${limit} MiB`;

				throw fail('too-large', call, message);
			}

			return result.bytes;
		} catch (error) {
			if (error instanceof ApiError) {
				throw error;
			}

			throw networkError(error, call, hasTimedOut);
		} finally {
			clearTimeout(timer);
		}
	};

	const getJson = async (call: Call): Promise<unknown> => {
		const bytes = await send(call);
		try {
			return JSON.parse(bytes.toString('utf8')) as unknown;
		} catch {
			// JSON.parse's message quotes the body: keep it out.
			const message = `${call.path}: response is not JSON`;

			throw fail('invalid-response', call, message);
		}
	};

	return {
		url: target.displayUrl,

		async traffic(trafficOptions) {
			const isClear = trafficOptions?.clear === true;
			const call: Call = isClear
				? {endpoint: 'clear', method: 'GET', path: '/traffic?clear=1'}
				: {endpoint: 'traffic', method: 'GET', path: '/traffic'};
			const value = await getJson(call);
			try {
				return parseTraffic(value);
			} catch (error) {
				// Same reason, but reported for the call that was made.
				if (isClear && error instanceof ApiError) {
					throw fail(error.kind, call, error.message);
				}

				throw error;
			}
		},

		async online() {
			return parseOnline(
				await getJson({
					endpoint: 'online',
					method: 'GET',
					path: '/online',
				}),
			);
		},

		async streams() {
			return parseStreams(
				await getJson({
					endpoint: 'streams',
					method: 'GET',
					path: '/dump/streams',
				}),
			);
		},

		async kick(userIds) {
			await send({
				endpoint: 'kick',
				method: 'POST',
				path: '/kick',
				body: JSON.stringify(userIds),
			});
		},

		async close() {
			if (isClosed) {
				return;
			}

			isClosed = true;
			try {
				await pool.destroy();
			} catch {
				// Destroying only fails when already destroyed.
			}
		},
	};
};
