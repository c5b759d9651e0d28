import type {ApiError} from './api-error.js';
import type {Endpoint} from './types.js';

/** One request to the server, as errors name it. */
export type ApiCall = {
	readonly endpoint: Endpoint;
	readonly method: 'GET' | 'POST';
	/** Path and query, relative to the base URL. */
	readonly path: string;
	readonly body?: string;
};

/** Builds the error for a call; the message is masked of secrets first. */
export type FailCall = (
	kind: ApiError['kind'],
	call: ApiCall,
	message: string,
	status?: number,
) => ApiError;
