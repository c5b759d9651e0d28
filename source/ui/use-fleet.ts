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
import {createPoller, type Poller, realClock} from '../poller/poller.js';
import {createFrameSchedule} from './frame-schedule.js';

/** An answer waiting for its frame, and which server gave it. */
type PendingResult = {readonly server: number; readonly result: PollResult};

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

	// Answers are drawn a round of polls at a time: see frame-schedule.
	useEffect(() => {
		const frames = createFrameSchedule<PendingResult>({
			clock: realClock,
			intervalMs: () => intervalRef.current,
			draw(results, atMs) {
				setNowMs(atMs);
				dispatch({
					type: 'batch',
					results,
					nowMs: atMs,
					isPaused: pollers[0]?.isPaused() ?? false,
				});
			},
		});
		const pollers = servers.map((server, index) =>
			createPoller({
				client: server.client,
				intervalMs: intervalRef.current,
				onResult(result) {
					frames.add(
						{server: index, result},
						pollers.every(poller => !poller.isWaiting()),
					);
				},
			}),
		);
		pollersRef.current = pollers;
		frames.start();
		for (const poller of pollers) {
			poller.start();
		}

		return () => {
			for (const poller of pollers) {
				poller.stop();
			}

			frames.stop();
			pollersRef.current = [];
		};
	}, [servers]);

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
