import {Buffer} from 'node:buffer';
import {EventEmitter} from 'node:events';
import {type Dispatcher, Pool} from 'undici';
import type {ApiCall, FailCall} from './api-call.js';
import {ApiError} from './api-error.js';
import type {StatsClient, StatsClientOptions} from './client-contract.js';
import {networkError} from './network-error.js';
import {positiveOption} from './positive-option.js';
import {readBody} from './read-body.js';
import {parseServerTarget} from './server-target.js';
import {statusError} from './status-error.js';
import {createStreamDumpReader} from './stream-dump-reader.js';
import type {StreamEntry} from './types.js';
import {parseOnline, parseTraffic} from './validate.js';

type BodyStream = Dispatcher.ResponseData['body'];

const mebibyte = 1024 * 1024;
const defaultTimeoutMs = 5000;
// Room for a dump of about 250,000 streams (some 250 bytes each), while
// three endpoints at the cap still fit in a small VPS's memory.
const defaultMaxBodyBytes = 64 * mebibyte;

const formatMebibytes = (bytes: number): string =>
	String(Number((bytes / mebibyte).toFixed(2)));

export const createStatsClient = (options: StatsClientOptions): StatsClient => {
	const target = parseServerTarget(options.url);
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
	const fail: FailCall = (kind, call, message, status) =>
		new ApiError(kind, call.endpoint, scrub(message), status);
	// A server may echo the secret anywhere, a user id included: every
	// message is masked, the validation's too.
	const masked = (error: ApiError): ApiError =>
		new ApiError(error.kind, error.endpoint, scrub(error.message), error.status);

	const pool = new Pool(target.origin, {
		// One connection per polled endpoint, plus room for kicks.
		connections: 8,
		connectTimeout: timeoutMs,
		headersTimeout: timeoutMs,
		bodyTimeout: timeoutMs,
	});
	let isClosed = false;

	/**
	Runs one call; resolves with what `read` makes of the body of a 2xx
	answer (undefined from it: the body is over `maxBodyBytes`).
	*/
	const send = async <T>(
		call: ApiCall,
		read: (body: BodyStream) => Promise<T | undefined>,
	): Promise<T> => {
		// undici takes an EventEmitter as a request's signal: 'abort' cancels
		// it, headers or body. An AbortController with its listener costs ten
		// times as much to make, and three are made a second.
		const cancel = new EventEmitter();
		let hasTimedOut = false;
		const timer = setTimeout(() => {
			hasTimedOut = true;
			cancel.emit('abort');
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
				signal: cancel,
			});
			if (response.statusCode < 200 || response.statusCode > 299) {
				throw await statusError(response, call, {
					hasSecret: Boolean(secret),
					fail,
					scrub,
				});
			}

			const declared = Number(response.headers['content-length']);
			const result =
				declared > maxBodyBytes
					? (response.body.destroy(), undefined)
					: await read(response.body);
			if (result === undefined) {
				const limit = formatMebibytes(maxBodyBytes);
				const message = `${call.path}: response larger than ${limit} MiB`;

				throw fail('too-large', call, message);
			}

			return result;
		} catch (error) {
			if (error instanceof ApiError) {
				throw masked(error);
			}

			// JSON.parse's message quotes the body: keep it out.
			if (error instanceof SyntaxError) {
				throw fail('invalid-response', call, `${call.path}: response is not JSON`);
			}

			throw networkError(error, call, {
				hasTimedOut,
				isClosed,
				timeoutMs,
				displayUrl: target.displayUrl,
				fail,
				scrub,
			});
		} finally {
			clearTimeout(timer);
		}
	};

	const readJson = async (body: BodyStream): Promise<unknown> => {
		const result = await readBody(body, maxBodyBytes);
		return result.isComplete
			? (JSON.parse(result.bytes.toString('utf8')) as unknown)
			: undefined;
	};

	// Read as it arrives: see createStreamDumpReader.
	const readStreamDump = async (
		body: BodyStream,
	): Promise<StreamEntry[] | undefined> => {
		const reader = createStreamDumpReader();
		let length = 0;
		for await (const chunk of body) {
			length += (chunk as Buffer).length;
			if (length > maxBodyBytes) {
				body.destroy();
				return undefined;
			}

			reader.push(chunk as Buffer);
		}

		return reader.end();
	};

	const getJson = async (call: ApiCall): Promise<unknown> =>
		send(call, readJson);

	return {
		url: target.displayUrl,

		async traffic(trafficOptions) {
			const isClear = trafficOptions?.clear === true;
			const call: ApiCall = isClear
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

				throw error instanceof ApiError ? masked(error) : error;
			}
		},

		async online() {
			const value = await getJson({
				endpoint: 'online',
				method: 'GET',
				path: '/online',
			});
			try {
				return parseOnline(value);
			} catch (error) {
				throw error instanceof ApiError ? masked(error) : error;
			}
		},

		async streams() {
			return send(
				{endpoint: 'streams', method: 'GET', path: '/dump/streams'},
				readStreamDump,
			);
		},

		async kick(userIds) {
			await send(
				{
					endpoint: 'kick',
					method: 'POST',
					path: '/kick',
					body: JSON.stringify(userIds),
				},
				async body =>
					(await readBody(body, maxBodyBytes)).isComplete ? true : undefined,
			);
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
