import {useCallback, useEffect, useReducer, useRef, useState} from 'react';

import type {StatsClient} from '../api/client-contract.js';
import {
	initialMonitorState,
	monitorReducer,
	type MonitorState,
} from '../model/monitor-state.js';
import {createPoller, type Poller} from '../poller/poller.js';

/** How often ages on screen and join/leave marks are refreshed. */
const tickMs = 1000;

export type MonitorHandle = {
	readonly monitor: MonitorState;
	readonly nowMs: number;
	readonly isPaused: boolean;
	readonly togglePause: () => void;
	/** Poll every endpoint now, after an action changed the server. */
	readonly pollNow: () => void;
};

/** Polls the server and folds every answer into the monitor's state. */
export const useMonitor = (
	client: StatsClient,
	intervalMs: number,
): MonitorHandle => {
	const [monitor, dispatch] = useReducer(monitorReducer, initialMonitorState);
	const [nowMs, setNowMs] = useState(Date.now);
	const [isPaused, setIsPaused] = useState(false);
	const pollerRef = useRef<Poller | undefined>(undefined);

	useEffect(() => {
		const poller = createPoller({
			client,
			intervalMs,
			onResult(result) {
				dispatch({type: 'result', result});
			},
		});
		pollerRef.current = poller;
		poller.start();
		return () => {
			poller.stop();
			pollerRef.current = undefined;
		};
	}, [client, intervalMs]);

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
		const poller = pollerRef.current;
		if (!poller) {
			return;
		}

		if (poller.isPaused()) {
			poller.resume();
		} else {
			poller.pause();
		}

		setIsPaused(poller.isPaused());
	}, []);

	const pollNow = useCallback(() => {
		pollerRef.current?.pollNow();
	}, []);

	return {monitor, nowMs, isPaused, togglePause, pollNow};
};
