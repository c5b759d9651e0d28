import type {ApiError} from '../api/api-error.js';
import type {Online, StreamEntry, Traffic} from '../api/types.js';

// What one poll of one endpoint gave. Defined with the model, which consumes
// it, so that the model does not depend on the poller.

/** The endpoints that are polled. */
export type PolledEndpoint = 'traffic' | 'online' | 'streams';

type Answer = {
	readonly ok: true;
	/** Local time the answer arrived, in ms since the epoch. */
	readonly atMs: number;
	/** How long the request took. */
	readonly durationMs: number;
	/**
	Set when a dump so large that it takes long to come is asked less often
	than the poll interval. (A pace set by the screen is not said here: the
	screen knows it.)
	*/
	readonly everyMs?: number;
};

export type PollResult =
	| (Answer & {readonly endpoint: 'traffic'; readonly data: Traffic})
	| (Answer & {readonly endpoint: 'online'; readonly data: Online})
	| (Answer & {
			readonly endpoint: 'streams';
			readonly data: readonly StreamEntry[];
	  })
	| {
			readonly endpoint: PolledEndpoint;
			readonly ok: false;
			readonly error: ApiError;
			readonly atMs: number;
			/** When the poller tries again; undefined when it gave up. */
			readonly retryInMs: number | undefined;
	  };
