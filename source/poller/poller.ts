import {ApiError} from '../api/api-error.js';
import type {StatsClient} from '../api/client-contract.js';
import type {Online, StreamEntry, Traffic} from '../api/types.js';
import type {PolledEndpoint, PollResult} from '../model/poll-result.js';
import {type Clock, realClock} from './poll-clock.js';
import {
	answeredEveryMs,
	largeDumpEveryMs,
	retryDelayMs,
} from './poll-pace.js';

export type {PolledEndpoint, PollResult} from '../model/poll-result.js';
export {type Clock, realClock} from './poll-clock.js';

export type PollerOptions = {
	readonly client: StatsClient;
	readonly intervalMs: number;
	/** Default: the real clock, with timers that never hold the process. */
	readonly clock?: Clock;
	readonly onResult: (result: PollResult) => void;
	/** Endpoints polled from the start. Default: all three. */
	readonly endpoints?: readonly PolledEndpoint[];
};

export type Poller = {
	start(): void;
	/** Stops for good: clears every timer and ignores late responses. */
	stop(): void;
	isPaused(): boolean;
	/**
	Whether some request is still out. Checked from `onResult`, it tells the
	last answer of a round of polls from those that come before it.
	*/
	isWaiting(): boolean;
	/** No new polls; one in flight still finishes and is reported. */
	pause(): void;
	/** Polls at once and carries on. */
	resume(): void;
	setIntervalMs(ms: number): void;
	setEndpointEnabled(endpoint: PolledEndpoint, enabled: boolean): void;
	/**
	Asks an endpoint no more often than every `ms` (0: at the interval), for
	data that is on screen but not being looked at closely.
	*/
	setEndpointLeastEveryMs(endpoint: PolledEndpoint, ms: number): void;
	/** Polls every enabled endpoint that is not already waiting for one. */
	pollNow(): void;
};

const allEndpoints: readonly PolledEndpoint[] = [
	'traffic',
	'online',
	'streams',
];

type EndpointState = {
	isEnabled: boolean;
	/** The server answered 404: it lacks this endpoint. */
	isAbsent: boolean;
	isInFlight: boolean;
	timer: unknown;
	/** Set when the pending timer follows a success (a regular interval). */
	startedAtMs: number | undefined;
	/** How long the last successful poll took. */
	durationMs: number;
	/** Streams in the last dump; 0 for the other endpoints. */
	answerSize: number;
	leastEveryMs: number;
	/** Successful polls since the start: rates need two answers. */
	answerCount: number;
	failureCount: number;
};

const fetchData = async (
	client: StatsClient,
	endpoint: PolledEndpoint,
): Promise<Traffic | Online | readonly StreamEntry[]> => {
	switch (endpoint) {
		case 'traffic': {
			return client.traffic();
		}

		case 'online': {
			return client.online();
		}

		case 'streams': {
			return client.streams();
		}
	}
};

// Only a faulty client rejects with something else. Its message is left out:
// it was not written to be shown and might hold anything.
const toApiError = (error: unknown, endpoint: PolledEndpoint): ApiError =>
	error instanceof ApiError
		? error
		: new ApiError('network', endpoint, `${endpoint}: unexpected failure`);

const checkInterval = (ms: number): number => {
	if (!Number.isFinite(ms) || ms <= 0) {
		throw new RangeError('intervalMs must be a positive number');
	}

	return ms;
};

export const createPoller = (options: PollerOptions): Poller => {
	const {client, onResult} = options;
	const clock = options.clock ?? realClock;
	let intervalMs = checkInterval(options.intervalMs);
	let isRunning = false;
	let isPaused = false;
	// Bumped by stop(), so responses to older polls are recognised and dropped.
	let generation = 0;

	const initiallyEnabled = new Set(options.endpoints ?? allEndpoints);
	const states = new Map<PolledEndpoint, EndpointState>(
		allEndpoints.map(endpoint => [
			endpoint,
			{
				isEnabled: initiallyEnabled.has(endpoint),
				isAbsent: false,
				isInFlight: false,
				timer: undefined,
				startedAtMs: undefined,
				durationMs: 0,
				answerSize: 0,
				leastEveryMs: 0,
				answerCount: 0,
				failureCount: 0,
			},
		]),
	);
	const stateOf = (endpoint: PolledEndpoint): EndpointState =>
		states.get(endpoint)!;

	const clearTimer = (state: EndpointState): void => {
		if (state.timer !== undefined) {
			clock.clearTimeout(state.timer);
			state.timer = undefined;
		}
	};

	const canSchedule = (state: EndpointState): boolean =>
		isRunning && !isPaused && state.isEnabled && !state.isAbsent;

	const schedule = (endpoint: PolledEndpoint, delayMs: number): void => {
		const state = stateOf(endpoint);
		clearTimer(state);
		state.timer = clock.setTimeout(() => {
			state.timer = undefined;
			poll(endpoint);
		}, delayMs);
	};

	const everyMsOf = (endpoint: PolledEndpoint, state: EndpointState) =>
		answeredEveryMs({endpoint, ...state}, intervalMs);

	/** Moves a regular wait to match a new pace, from its poll's start. */
	const reschedule = (endpoint: PolledEndpoint, state: EndpointState) => {
		const {timer, startedAtMs} = state;
		if (timer !== undefined && startedAtMs !== undefined) {
			const dueAtMs = startedAtMs + everyMsOf(endpoint, state);
			schedule(endpoint, Math.max(0, dueAtMs - clock.now()));
		}
	};

	/**
	One endpoint answers again after failing: the server is back, so the
	others still waiting out their backoff (up to 30 s) ask at once instead
	of showing old rows and old errors that long.
	*/
	const retryFailedAtOnce = (recovered: PolledEndpoint) => {
		for (const [endpoint, state] of states) {
			if (
				endpoint !== recovered &&
				state.failureCount > 0 &&
				state.timer !== undefined &&
				canSchedule(state)
			) {
				schedule(endpoint, 0);
			}
		}
	};

	const settle = (
		endpoint: PolledEndpoint,
		startedAtMs: number,
		outcome:
			| {readonly ok: true; readonly data: unknown}
			| {readonly ok: false; readonly error: unknown},
	): void => {
		const state = stateOf(endpoint);
		state.isInFlight = false;
		const atMs = clock.now();
		let result: PollResult;
		if (outcome.ok) {
			if (state.failureCount > 0) {
				retryFailedAtOnce(endpoint);
			}

			state.failureCount = 0;
			state.answerCount++;
			state.startedAtMs = startedAtMs;
			const durationMs = Math.max(0, atMs - startedAtMs);
			state.durationMs = durationMs;
			state.answerSize = Array.isArray(outcome.data) ? outcome.data.length : 0;
			if (canSchedule(state)) {
				const everyMs = everyMsOf(endpoint, state);
				schedule(endpoint, Math.max(0, everyMs - durationMs));
			}

			const busyEveryMs = largeDumpEveryMs(
				endpoint,
				durationMs,
				intervalMs,
				state.answerSize,
			);

			// The data matches the endpoint: fetchData asked for that one.
			result = {
				endpoint,
				ok: true,
				data: outcome.data,
				atMs,
				durationMs,
				...(busyEveryMs > intervalMs && {everyMs: busyEveryMs}),
			} as PollResult;
		} else {
			const error = toApiError(outcome.error, endpoint);
			state.failureCount++;
			state.startedAtMs = undefined;
			let retryInMs = retryDelayMs(
				endpoint,
				error.kind,
				state.failureCount,
				intervalMs,
			);
			if (retryInMs === undefined) {
				state.isAbsent = true;
			} else if (canSchedule(state)) {
				schedule(endpoint, retryInMs);
			} else {
				// Paused or disabled: nothing is planned.
				retryInMs = undefined;
			}

			result = {endpoint, ok: false, error, atMs, retryInMs};
		}

		onResult(result);
	};

	function poll(endpoint: PolledEndpoint): void {
		const state = stateOf(endpoint);
		if (!isRunning || state.isInFlight || state.isAbsent) {
			return;
		}

		clearTimer(state);
		state.isInFlight = true;
		const pollGeneration = generation;
		const startedAtMs = clock.now();
		let request: Promise<unknown>;
		try {
			request = fetchData(client, endpoint);
		} catch (error) {
			request = Promise.reject(error);
		}

		request.then(
			data => {
				if (pollGeneration === generation) {
					settle(endpoint, startedAtMs, {ok: true, data});
				}
			},
			(error: unknown) => {
				if (pollGeneration === generation) {
					settle(endpoint, startedAtMs, {ok: false, error});
				}
			},
		);
	}

	const pollEnabled = (): void => {
		for (const [endpoint, state] of states) {
			if (state.isEnabled) {
				poll(endpoint);
			}
		}
	};

	return {
		start() {
			if (isRunning) {
				return;
			}

			isRunning = true;
			if (!isPaused) {
				pollEnabled();
			}
		},

		stop() {
			isRunning = false;
			generation++;
			for (const state of states.values()) {
				clearTimer(state);
				state.isInFlight = false;
				state.isAbsent = false;
				state.failureCount = 0;
				state.answerCount = 0;
				state.startedAtMs = undefined;
			}
		},

		isPaused: () => isPaused,

		isWaiting() {
			for (const state of states.values()) {
				if (state.isInFlight) {
					return true;
				}
			}

			return false;
		},

		pause() {
			isPaused = true;
			for (const state of states.values()) {
				clearTimer(state);
			}
		},

		resume() {
			if (!isPaused) {
				return;
			}

			isPaused = false;
			pollEnabled();
		},

		setIntervalMs(ms) {
			intervalMs = checkInterval(ms);
			// A regular wait is measured from its poll's start, so a shorter
			// interval takes effect now instead of after the old one.
			for (const [endpoint, state] of states) {
				reschedule(endpoint, state);
			}
		},

		setEndpointLeastEveryMs(endpoint, ms) {
			const state = stateOf(endpoint);
			state.leastEveryMs = Math.max(0, ms);
			reschedule(endpoint, state);
		},

		setEndpointEnabled(endpoint, enabled) {
			const state = stateOf(endpoint);
			if (state.isEnabled === enabled) {
				return;
			}

			state.isEnabled = enabled;
			if (!enabled) {
				clearTimer(state);
			} else if (canSchedule(state)) {
				poll(endpoint);
			}
		},

		pollNow() {
			// Allowed while paused: one fresh look, without resuming.
			pollEnabled();
		},
	};
};
