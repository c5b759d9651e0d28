import {type Dispatch, useEffect, useMemo, useRef} from 'react';

import {sanitizeText} from '../format/sanitize-text.js';
import type {FleetAction} from '../model/fleet-state.js';
import {describeKick, type KickJobs} from '../model/kick-tracker.js';
import type {StatusMessage} from './ui-state.js';

const quote = (id: string) => `"${sanitizeText(id)}"`;

/**
What the kicks are doing, for the status line; and each kick's outcome,
once, for the event line.
*/
export const useKickReports = (
	jobs: KickJobs,
	nowMs: number,
	serverNames: readonly string[],
	fleetDispatch: Dispatch<FleetAction>,
	/** Whether a user moves traffic on a server now. */
	isMoving: (server: number, userId: string) => boolean,
): StatusMessage | undefined => {
	const isFleet = serverNames.length > 1;
	// Kick outcomes also go to the event line, once each.
	const reported = useRef(new Map<number, string>());
	useEffect(() => {
		for (const job of jobs.jobs) {
			const {text, tone} = describeKick(job, Date.now(), quote);
			const isFinal = !['to-send', 'sending', 'waiting'].includes(job.phase);
			if (isFinal && reported.current.get(job.id) !== job.phase) {
				reported.current.set(job.id, job.phase);
				const where = isFleet ? `${serverNames[job.server] ?? ''}: ` : '';
				fleetDispatch({
					type: 'event',
					event: {atMs: Date.now(), text: where + text, tone},
				});
			}
		}
	}, [jobs, isFleet, serverNames, fleetDispatch]);

	const kickStatus = useMemo((): StatusMessage | undefined => {
		const recent = jobs.jobs.filter(
			job => nowMs - job.lastProgressAtMs < 30_000 || job.phase === 'waiting',
		);
		if (recent.length === 0) {
			return undefined;
		}

		const described = recent.map(job => {
			const {text, tone} = describeKick(
				job,
				nowMs,
				quote,
				isMoving(job.server, job.userId),
			);
			// With several servers each outcome says where it happened.
			const where = isFleet ? `${serverNames[job.server] ?? ''}: ` : '';
			return {text: where + text, tone};
		});
		const atMs = Math.max(...recent.map(job => job.lastProgressAtMs));
		return {
			text: described.map(entry => entry.text).join('; '),
			tone: described.some(entry => entry.tone === 'error')
				? 'error'
				: described.every(entry => entry.tone === 'success')
					? 'success'
					: 'info',
			atMs,
		};
	}, [jobs, nowMs, isMoving, isFleet, serverNames]);

	return kickStatus;
};
