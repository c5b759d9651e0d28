import {
	type Dispatch,
	useCallback,
	useEffect,
	useReducer,
	useRef,
	useState,
} from 'react';

import type {WatchedServer} from '../watch-servers.js';
import {
	createFleetState,
	type FleetAction,
	fleetReducer,
	type FleetState,
} from '../model/fleet-state.js';
import type {PollResult} from '../model/poll-result.js';
import {createPoller, type Poller} from '../poller/poller.js';

/** The longest the screen waits before drawing what has come in. */
const maxFrameMs = 1000;
/** /traffic, /online and /dump/streams. */
const endpointCount = 3;
/** How long the first frame waits for slower endpoints. */
const firstAnswersWaitMs = 150;

export type {WatchedServer} from '../watch-servers.js';

export type FleetHandle = {
	readonly fleet: FleetState;
	readonly dispatch: Dispatch<FleetAction>;
	readonly nowMs: number;
	readonly isPaused: boolean;
	readonly intervalMs: number;
	readonly togglePause: () => void;
	/** Takes the next interval from the current one: keys can come fast. */
	readonly changeIntervalMs: (next: (currentMs: number) => number) => number;
	/** Poll every endpoint of every server now, after an action. */
	readonly pollNow: () => void;
	/** How closely the streams are watched: see StreamsPace. */
	readonly setStreamsPace: (pace: StreamsPace) => void;
};

/**
How often /dump/streams is asked: never while its pane is hidden, at the
interval while the operator looks at the streams (focus or zoom), and every
`glanceEveryMs` while the streams pane only sits beside the users: the dump
is the costliest answer by far.
*/
export type StreamsPace = 'hidden' | 'glance' | 'watched';

export const glanceEveryMs = 5000;

/**
Polls every server with a poller of its own, so a slow or dead one never
delays the others, and folds every answer into the fleet's state.
*/
export const useFleet = (
	servers: readonly WatchedServer[],
	initialIntervalMs: number,
): FleetHandle => {
	const [fleet, dispatch] = useReducer(fleetReducer, servers, list =>
		createFleetState(
			list.map(server => ({name: server.name, url: server.client.url})),
		),
	);
	const [nowMs, setNowMs] = useState(Date.now);
	const [isPaused, setIsPaused] = useState(false);
	const [intervalMs, setIntervalState] = useState(initialIntervalMs);
	const pollersRef = useRef<Poller[]>([]);
	const intervalRef = useRef(initialIntervalMs);

	// Answers are drawn together, one frame per round of polls, as soon as
	// the round's last answer is in: one frame instead of one per endpoint
	// and server, which is most of the cost at scale, and no answer waits
	// for a timer. An answer that comes between rounds (a dump asked less
	// often, a poll after a kick, another server's round) waits for the next
	// round. A frame also comes a little after a frame period with whatever
	// is in: for answers held up by a request still out, and for the ages
	// on screen when nothing comes. The margin keeps regular rounds ahead.
	const pendingRef = useRef<Array<{server: number; result: PollResult}>>([]);
	const hasDrawnDataRef = useRef(false);
	const lastDataFrameAtRef = useRef(0);
	const frameTimerRef = useRef<NodeJS.Timeout | undefined>(undefined);
	const framePeriodMs = useCallback(
		() => Math.min(intervalRef.current, maxFrameMs),
		[],
	);
	const flush = useCallback(() => {
		clearTimeout(frameTimerRef.current);
		const results = pendingRef.current;
		pendingRef.current = [];
		const now = Date.now();
		if (results.length > 0) {
			lastDataFrameAtRef.current = now;
		}

		setNowMs(now);
		dispatch({type: 'batch', results, nowMs: now});
		frameTimerRef.current = setTimeout(flush, framePeriodMs() * 1.25);
	}, [framePeriodMs]);
	/** Draws what came in if it ends a round of polls. */
	const flushIfRoundOver = useCallback(
		(pollers: readonly Poller[]) => {
			const isRoundOver = pollers.every(poller => !poller.isWaiting());
			const isFrameDue =
				Date.now() - lastDataFrameAtRef.current >= framePeriodMs() * 0.75;
			if (isRoundOver && isFrameDue) {
				flush();
			}
		},
		[flush, framePeriodMs],
	);

	// The first answers are drawn as soon as every endpoint has answered
	// (or a moment after the first one did): nobody waits for a frame.
	const firstTimerRef = useRef<NodeJS.Timeout | undefined>(undefined);
	const drawFirstAnswers = useCallback(() => {
		if (hasDrawnDataRef.current) {
			return;
		}

		const isComplete =
			pendingRef.current.length >= servers.length * endpointCount;
		if (isComplete) {
			clearTimeout(firstTimerRef.current);
			hasDrawnDataRef.current = true;
			flush();
		} else {
			firstTimerRef.current ??= setTimeout(() => {
				hasDrawnDataRef.current = true;
				flush();
			}, firstAnswersWaitMs);
		}
	}, [servers, flush]);

	useEffect(() => {
		const pollers = servers.map((server, index) =>
			createPoller({
				client: server.client,
				intervalMs: intervalRef.current,
				onResult(result) {
					pendingRef.current.push({server: index, result});
					if (hasDrawnDataRef.current) {
						flushIfRoundOver(pollers);
					} else {
						drawFirstAnswers();
					}
				},
			}),
		);
		pollersRef.current = pollers;
		for (const poller of pollers) {
			poller.start();
		}

		return () => {
			for (const poller of pollers) {
				poller.stop();
			}

			clearTimeout(firstTimerRef.current);
			pollersRef.current = [];
		};
	}, [servers, drawFirstAnswers, flushIfRoundOver]);

	// Frames come before any answer too: "connecting…" ages as well.
	useEffect(() => {
		frameTimerRef.current = setTimeout(flush, framePeriodMs() * 1.25);
		return () => {
			clearTimeout(frameTimerRef.current);
		};
	}, [flush, framePeriodMs]);

	const togglePause = useCallback(() => {
		const pollers = pollersRef.current;
		const shouldPause = !(pollers[0]?.isPaused() ?? false);
		for (const poller of pollers) {
			if (shouldPause) {
				poller.pause();
			} else {
				poller.resume();
			}
		}

		setIsPaused(shouldPause);
	}, []);

	const changeIntervalMs = useCallback(
		(next: (currentMs: number) => number) => {
			const intervalMs = next(intervalRef.current);
			intervalRef.current = intervalMs;
			for (const poller of pollersRef.current) {
				poller.setIntervalMs(intervalMs);
			}

			setIntervalState(intervalMs);
			return intervalMs;
		},
		[],
	);

	const pollNow = useCallback(() => {
		for (const poller of pollersRef.current) {
			poller.pollNow();
		}
	}, []);

	const setStreamsPace = useCallback((pace: StreamsPace) => {
		for (const poller of pollersRef.current) {
			poller.setEndpointLeastEveryMs(
				'streams',
				pace === 'glance' ? glanceEveryMs : 0,
			);
			poller.setEndpointEnabled('streams', pace !== 'hidden');
		}
	}, []);

	return {
		fleet,
		dispatch,
		nowMs,
		isPaused,
		intervalMs,
		togglePause,
		changeIntervalMs,
		pollNow,
		setStreamsPace,
	};
};
