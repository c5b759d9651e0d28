import type {ApiErrorKind} from '../api/types.js';
import {formatDuration} from '../format/format-duration.js';
import type {EndpointStatus} from '../model/monitor-state.js';

export type ConnectionSummary = {
	readonly text: string;
	readonly color: 'green' | 'yellow' | 'red';
};

const problemWords: Readonly<Record<ApiErrorKind, string>> = {
	unauthorized: 'authentication failed: check the secret',
	'not-found': 'endpoint missing',
	'http-status': 'server error',
	'invalid-response': 'bad response',
	'too-large': 'response too large',
	timeout: 'not answering (timeout)',
	refused: 'unreachable (connection refused)',
	reset: 'connection reset',
	network: 'unreachable',
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
			color: 'yellow',
		};
	}

	if (traffic.error !== undefined) {
		const problem = problemWords[traffic.error.kind];
		const staleness =
			age === undefined ? 'no data yet' : `stale: data ${age} old`;
		const retry =
			traffic.retryInMs === undefined
				? ''
				: `, retry in ${formatDuration(traffic.retryInMs)}`;
		return {text: `${problem} · ${staleness}${retry}`, color: 'red'};
	}

	if (age === undefined) {
		return {text: 'connecting…', color: 'yellow'};
	}

	return {text: `live · polled ${age} ago`, color: 'green'};
};
