import type {ApiErrorKind, Endpoint} from './types.js';

/**
An API call that did not give a usable answer. The message is safe to show:
it never contains the secret, and server-supplied text is cut short.
*/
export class ApiError extends Error {
	override readonly name = 'ApiError';

	constructor(
		readonly kind: ApiErrorKind,
		readonly endpoint: Endpoint,
		message: string,
		readonly status?: number,
	) {
		super(message);
	}
}

export const isApiError = (error: unknown): error is ApiError =>
	error instanceof ApiError;
