import {useCallback, useEffect, useReducer, useRef} from 'react';

import {isApiError} from '../api/api-error.js';
import type {FleetState} from '../model/fleet-state.js';
import {
	kickReducer,
	type KickJobs,
	noKickJobs,
	pruneKickJobs,
} from '../model/kick-tracker.js';
import type {KickTarget} from './ui-state.js';
import type {WatchedServer} from './use-fleet.js';

/** A kick that got no answer may still be in the server's kick set. */
const errorText = (error: unknown) => {
	if (!isApiError(error)) {
		return error instanceof Error ? error.message : 'unknown error';
	}

	const isUnanswered = ['timeout', 'reset', 'network'].includes(error.kind);
	return isUnanswered
		? `${error.message} (it may still have been queued)`
		: error.message;
};

/**
Runs kick jobs: sends a kick whenever a job asks for one, and feeds every
/online answer back so each job sees its user's devices fall (or not).
*/
export const useKicks = (
	servers: readonly WatchedServer[],
	fleet: FleetState,
	nowMs: number,
	pollNow: () => void,
): {jobs: KickJobs; startKicks: (targets: readonly KickTarget[]) => void} => {
	const [jobs, dispatch] = useReducer(kickReducer, noKickJobs);
	const onlineSeen = useRef<unknown[]>([]);
	// Guards against sending one job's kick twice if effects re-run.
	const sent = useRef(new Set<string>());

	// Without jobs to move on, an answer or a tick changes nothing: not
	// sending it spares the whole screen a second render every frame.
	const hasJobs = jobs.jobs.length > 0;
	const isWatchingGone = jobs.jobs.some(job => job.phase === 'gone');

	// Each server's /online answer, once, as it arrives.
	useEffect(() => {
		for (const [index, server] of fleet.servers.entries()) {
			const {online} = server.monitor;
			if (online && onlineSeen.current[index] !== online) {
				onlineSeen.current[index] = online;
				if (hasJobs) {
					dispatch({type: 'online', server: index, online, nowMs: Date.now()});
				}
			}
		}
	}, [fleet.servers, hasJobs]);

	useEffect(() => {
		if (isWatchingGone) {
			dispatch({type: 'tick', nowMs});
		}
	}, [nowMs, isWatchingGone]);

	useEffect(() => {
		for (const job of jobs.jobs) {
			const attempt = `${job.id}:${job.kicksSent}`;
			if (job.phase !== 'to-send' || sent.current.has(attempt)) {
				continue;
			}

			sent.current.add(attempt);
			const client = servers[job.server]?.client;
			if (!client) {
				continue;
			}

			dispatch({type: 'sending', id: job.id});
			client.kick([job.userId]).then(
				() => {
					dispatch({type: 'sent', id: job.id, nowMs: Date.now()});
					pollNow();
				},
				(error: unknown) => {
					dispatch({type: 'failed', id: job.id, error: errorText(error)});
				},
			);
		}
	}, [jobs, servers, pollNow]);

	const startKicks = useCallback((targets: readonly KickTarget[]) => {
		dispatch({type: 'start', targets, nowMs: Date.now()});
	}, []);

	return {jobs: pruneKickJobs(jobs, nowMs), startKicks};
};
