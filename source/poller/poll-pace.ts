// How long an endpoint's poller waits before asking again: after an answer,
// and after a failure. Pure arithmetic, apart from the poller's timers.
import type {ApiErrorKind} from '../api/types.js';
import type {PolledEndpoint} from '../model/poll-result.js';

const maxBackoffMs = 30_000;

/** The most of its time the stream dump may take: see largeDumpEveryMs. */
const maxBusyShare = 0.1;

// A wrong secret stays wrong until someone fixes it: ask rarely.
const unauthorizedRetryMs = 10_000;

/**
Streams in a dump from which its time to come counts against it. A smaller
dump is slow because of the link, not the work: asking it less often would
only leave the list old.
*/
export const largeDumpStreams = 10_000;

/**
A large stream dump that takes long to come (100,000 streams are 25 MB) is
asked for less often: hytop must not keep the server busy, nor spend its
own time parsing dumps nobody can read that fast. Other endpoints, and
smaller dumps: the interval. `answerSize` is the streams the dump held.
*/
export const largeDumpEveryMs = (
	endpoint: PolledEndpoint,
	durationMs: number,
	intervalMs: number,
	answerSize: number,
): number =>
	endpoint === 'streams' && answerSize >= largeDumpStreams
		? Math.max(intervalMs, durationMs / maxBusyShare)
		: intervalMs;

export type AnsweredEndpoint = {
	readonly endpoint: PolledEndpoint;
	/** How long its last answer took. */
	readonly durationMs: number;
	/** Entries in its last answer, for a stream dump; 0 otherwise. */
	readonly answerSize: number;
	/** Answers since the start. */
	readonly answerCount: number;
	/** The slowest pace asked for from outside (0: none). */
	readonly leastEveryMs: number;
};

/** The time from one successful poll's start to the next. */
export const answeredEveryMs = (
	{endpoint, durationMs, answerSize, answerCount, leastEveryMs}: AnsweredEndpoint,
	intervalMs: number,
): number =>
	Math.max(
		largeDumpEveryMs(endpoint, durationMs, intervalMs, answerSize),
		// The second answer comes at the interval: it gives the rates.
		answerCount >= 2 ? leastEveryMs : 0,
	);

/**
How long to wait after the `failureCount`th failure in a row, or undefined
to stop asking: an old server without /online or /dump/streams answers 404.
*/
export const retryDelayMs = (
	endpoint: PolledEndpoint,
	kind: ApiErrorKind,
	failureCount: number,
	intervalMs: number,
): number | undefined => {
	if (kind === 'not-found' && endpoint !== 'traffic') {
		return undefined;
	}

	if (kind === 'unauthorized') {
		return Math.max(unauthorizedRetryMs, intervalMs);
	}

	const backoffMs = intervalMs * 2 ** (failureCount - 1);
	return Math.min(backoffMs, Math.max(maxBackoffMs, intervalMs));
};
