import type {Dispatcher} from 'undici';
import type {ApiCall, FailCall} from './api-call.js';
import type {ApiError} from './api-error.js';
import {excerpt} from './error-excerpt.js';
import {readBody} from './read-body.js';

// Error bodies are only read for a short excerpt.
const maxErrorBodyBytes = 4096;

export type StatusErrorContext = {
	/** Whether a non-empty secret was sent. */
	readonly hasSecret: boolean;
	readonly fail: FailCall;
	/** Masks every secret in a text. */
	readonly scrub: (text: string) => string;
};

/** The error for an answer outside 2xx, with the remedy where one is known. */
export const statusError = async (
	response: Dispatcher.ResponseData,
	call: ApiCall,
	context: StatusErrorContext,
): Promise<ApiError> => {
	const {fail, scrub} = context;
	const status = response.statusCode;
	const {bytes} = await readBody(response.body, maxErrorBodyBytes);
	if (status === 401) {
		return fail(
			'unauthorized',
			call,
			context.hasSecret
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
