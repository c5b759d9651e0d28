import type {ApiCall, FailCall} from './api-call.js';
import type {ApiError} from './api-error.js';
import {excerpt} from './error-excerpt.js';

export type NetworkErrorContext = {
	/** Whether the client's own timer aborted the request. */
	readonly hasTimedOut: boolean;
	readonly isClosed: boolean;
	readonly timeoutMs: number;
	readonly displayUrl: string;
	readonly fail: FailCall;
	/** Masks every secret in a text. */
	readonly scrub: (text: string) => string;
};

const timeoutCodes = [
	'UND_ERR_CONNECT_TIMEOUT',
	'UND_ERR_HEADERS_TIMEOUT',
	'UND_ERR_BODY_TIMEOUT',
	'ETIMEDOUT',
];
const resetCodes = ['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'];

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

/** Sorts a failed request into timeout, refused, reset or other network. */
export const networkError = (
	error: unknown,
	call: ApiCall,
	context: NetworkErrorContext,
): ApiError => {
	const {fail, scrub} = context;
	const codes = errorCodes(error);
	const route = `${call.method} ${call.path}`;
	if (
		context.hasTimedOut ||
		codes.some(code => timeoutCodes.includes(code))
	) {
		const message = `${route}: no answer within ${context.timeoutMs} ms`;

		return fail('timeout', call, message);
	}

	if (codes.includes('ECONNREFUSED')) {
		return fail(
			'refused',
			call,
			`cannot connect to ${context.displayUrl}: connection refused`,
		);
	}

	if (codes.some(code => resetCodes.includes(code))) {
		const message = `${route}: connection reset by the server`;

		return fail('reset', call, message);
	}

	if (context.isClosed || codes.includes('UND_ERR_DESTROYED')) {
		return fail('network', call, `${route}: the client is closed`);
	}

	const detail =
		codes[0] ??
		(error instanceof Error ? excerpt(scrub(error.message)) : 'unknown error');

	return fail('network', call, `${route}: network error (${detail})`);
};
