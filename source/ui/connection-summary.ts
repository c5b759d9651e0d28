import type {ApiErrorKind} from '../api/types.js';
import {formatDuration} from '../format/format-duration.js';
import type {EndpointStatus} from '../model/monitor-state.js';

export type ConnectionSummary = {
	readonly text: string;
	/** A word or two, for a header that lists several servers. */
	readonly short: string;
	readonly color: 'green' | 'yellow' | 'red';
};

const problemWords: Readonly<Record<ApiErrorKind, readonly [string, string]>> = {
	unauthorized: ['authentication failed: check the secret', 'auth failed'],
	'not-found': ['endpoint missing', 'not a stats server'],
	'http-status': ['server error', 'server error'],
	'invalid-response': ['bad response', 'bad answers'],
	'too-large': ['response too large', 'too large'],
	timeout: ['not answering (timeout)', 'timeout'],
	refused: ['unreachable (connection refused)', 'unreachable'],
	reset: ['connection reset', 'reset'],
	network: ['unreachable', 'unreachable'],
};

/** How the server is doing, judged by its /traffic endpoint. */
export const summariseConnection = (
	traffic: EndpointStatus,
	nowMs: number,
	isPaused: boolean,
): ConnectionSummary => {
	const age =
		traffic.lastOkAtMs === undefined
			? undefined
			: formatDuration(Math.max(0, nowMs - traffic.lastOkAtMs));

	if (isPaused) {
		return {
			text: `paused${age === undefined ? '' : `, data ${age} old`}`,
			short: 'paused',
			color: 'yellow',
		};
	}

	if (traffic.error !== undefined) {
		const [problem, short] = problemWords[traffic.error.kind];
		const staleness =
			age === undefined ? 'no data yet' : `stale: data ${age} old`;
		const retry =
			traffic.retryAtMs === undefined
				? ''
				: `, retry in ${formatDuration(Math.max(0, traffic.retryAtMs - nowMs))}`;
		return {
			text: `${problem} · ${staleness}${retry}`,
			short: age === undefined ? short : `${short}, stale ${age}`,
			color: 'red',
		};
	}

	if (age === undefined) {
		return {text: 'connecting…', short: 'connecting', color: 'yellow'};
	}

	return {text: `live · polled ${age} ago`, short: 'ok', color: 'green'};
};
