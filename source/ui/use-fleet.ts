import {
	type Dispatch,
	useCallback,
	useEffect,
	useReducer,
	useRef,
	useState,
} from 'react';

import type {StatsClient} from '../api/client-contract.js';
import {
	createFleetState,
	type FleetAction,
	fleetReducer,
	type FleetState,
} from '../model/fleet-state.js';
import {createPoller, type Poller} from '../poller/poller.js';

/** How often ages on screen, join marks and the graphs move on. */
const tickMs = 1000;

export type WatchedServer = {
	readonly name: string;
	readonly client: StatsClient;
};

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
	/** Whether /dump/streams is wanted: it is skipped while nobody looks. */
	readonly setStreamsWanted: (isWanted: boolean) => void;
};

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

	useEffect(() => {
		const pollers = servers.map((server, index) =>
			createPoller({
				client: server.client,
				intervalMs: intervalRef.current,
				onResult(result) {
					dispatch({type: 'result', server: index, result});
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

			pollersRef.current = [];
		};
	}, [servers]);

	useEffect(() => {
		const timer = setInterval(() => {
			const now = Date.now();
			setNowMs(now);
			dispatch({type: 'tick', nowMs: now});
		}, tickMs);
		return () => {
			clearInterval(timer);
		};
	}, []);

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

	const setStreamsWanted = useCallback((isWanted: boolean) => {
		for (const poller of pollersRef.current) {
			poller.setEndpointEnabled('streams', isWanted);
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
		setStreamsWanted,
	};
};
