import type {Online} from '../api/types.js';

// One kick entry drops one device (API.md), so a kick job keeps kicking
// while the user still has devices online, up to a bound, and reports only
// what /online confirmed.

/** After this long without a drop, the user is taken to be idle. */
export const idleAfterMs = 5000;
/** How long a kicked user is watched for a reconnect once gone. */
export const reconnectWatchMs = 30_000;
/** Kicks beyond the devices seen at the start, for devices that reconnect. */
const extraKicks = 2;

export type KickPhase =
	/** A kick should be sent now. */
	| 'to-send'
	| 'sending'
	/** Sent; waiting for /online to show a device fewer. */
	| 'waiting'
	/** No device left online; watching for a reconnect. */
	| 'gone'
	| 'reconnected'
	| 'failed'
	/** The bound was reached with devices still online. */
	| 'gave-up'
	/** Gone, and no reconnect within the watch window. */
	| 'done';

export type KickJob = {
	readonly id: number;
	readonly server: number;
	readonly userId: string;
	/** Undefined when the server has no /online: drops cannot be seen. */
	readonly devicesAtStart: number | undefined;
	readonly devicesNow: number | undefined;
	/** Devices that connected while the kick ran, to count the drops of. */
	readonly joined: number;
	readonly kicksSent: number;
	readonly dropped: number;
	readonly phase: KickPhase;
	readonly startedAtMs: number;
	/** When the last kick was accepted or the last drop seen. */
	readonly lastProgressAtMs: number;
	readonly goneAtMs: number | undefined;
	readonly reconnectedAtMs: number | undefined;
	readonly error: string | undefined;
};

export type KickAction =
	| {
			readonly type: 'start';
			readonly targets: ReadonlyArray<{
				readonly server: number;
				readonly userId: string;
				readonly devices: number | undefined;
			}>;
			readonly nowMs: number;
	  }
	| {readonly type: 'sending'; readonly id: number}
	| {readonly type: 'sent'; readonly id: number; readonly nowMs: number}
	| {readonly type: 'failed'; readonly id: number; readonly error: string}
	| {
			readonly type: 'online';
			readonly server: number;
			readonly online: Online;
			readonly nowMs: number;
	  }
	| {readonly type: 'tick'; readonly nowMs: number};

export type KickJobs = {readonly nextId: number; readonly jobs: readonly KickJob[]};

export const noKickJobs: KickJobs = {nextId: 1, jobs: []};

const isFinished = (job: KickJob) =>
	job.phase === 'failed' ||
	job.phase === 'gave-up' ||
	job.phase === 'done' ||
	job.phase === 'reconnected';

// The same jobs come back unchanged, so React skips a frame for them.
const sameJobs = (next: readonly KickJob[], jobs: KickJobs): boolean =>
	next.every((job, index) => job === jobs.jobs[index]);

// Devices that join during the kick do not raise it: a user who reconnects
// at once must not draw an endless run of kicks.
const maxKicks = (job: KickJob) => (job.devicesAtStart ?? 1) + extraKicks;

const onOnline = (
	before: KickJob,
	devices: number,
	nowMs: number,
): KickJob => {
	if (before.phase === 'gone') {
		return devices > 0
			? {
					...before,
					phase: 'reconnected',
					reconnectedAtMs: nowMs,
					devicesNow: devices,
				}
			: before;
	}

	const rose =
		before.devicesNow === undefined
			? 0
			: Math.max(0, devices - before.devicesNow);
	const job = rose > 0 ? {...before, joined: before.joined + rose} : before;

	// A device can drop before the kick's own answer comes back: the server
	// acts on it first. The count from before stays the one a drop is
	// measured from once the answer is in.
	if (job.phase === 'sending' && rose === 0) {
		return job;
	}

	if (job.phase !== 'waiting' || job.devicesNow === undefined) {
		return {...job, devicesNow: devices};
	}

	const fell = Math.max(0, job.devicesNow - devices);
	if (fell === 0) {
		return {...job, devicesNow: devices};
	}

	const progressed = {
		...job,
		devicesNow: devices,
		dropped: job.dropped + fell,
		lastProgressAtMs: nowMs,
	};
	if (devices === 0) {
		return {...progressed, phase: 'gone', goneAtMs: nowMs};
	}

	return progressed.kicksSent < maxKicks(progressed)
		? {...progressed, phase: 'to-send'}
		: {...progressed, phase: 'gave-up'};
};

const updateJob = (
	jobs: KickJobs,
	id: number,
	update: (job: KickJob) => KickJob,
): KickJobs => ({
	...jobs,
	jobs: jobs.jobs.map(job => (job.id === id ? update(job) : job)),
});

/** The kick jobs' reducer: starts, sends, and what /online shows. */
export const kickReducer = (jobs: KickJobs, action: KickAction): KickJobs => {
	switch (action.type) {
		case 'start': {
			const started = action.targets.map(
				(target, index): KickJob => ({
					id: jobs.nextId + index,
					server: target.server,
					userId: target.userId,
					devicesAtStart: target.devices,
					joined: 0,
					devicesNow: target.devices,
					kicksSent: 0,
					dropped: 0,
					phase: 'to-send',
					startedAtMs: action.nowMs,
					lastProgressAtMs: action.nowMs,
					goneAtMs: undefined,
					reconnectedAtMs: undefined,
					error: undefined,
				}),
			);
			// A new kick of the same user replaces the old job.
			const replaced = new Set(
				started.map(job => `${job.server}\u0000${job.userId}`),
			);
			const kept = jobs.jobs.filter(
				job => !replaced.has(`${job.server}\u0000${job.userId}`),
			);
			return {
				nextId: jobs.nextId + started.length,
				jobs: [...kept, ...started],
			};
		}

		case 'sending': {
			return updateJob(jobs, action.id, job => ({...job, phase: 'sending'}));
		}

		case 'sent': {
			return updateJob(jobs, action.id, job => ({
				...job,
				phase: 'waiting',
				kicksSent: job.kicksSent + 1,
				lastProgressAtMs: action.nowMs,
			}));
		}

		case 'failed': {
			return updateJob(jobs, action.id, job => ({
				...job,
				phase: 'failed',
				error: action.error,
			}));
		}

		case 'online': {
			const next = jobs.jobs.map(job =>
				job.server === action.server && !isFinished(job)
					? onOnline(job, action.online.get(job.userId) ?? 0, action.nowMs)
					: job,
			);
			return sameJobs(next, jobs) ? jobs : {...jobs, jobs: next};
		}

		case 'tick': {
			const next = jobs.jobs.map(job =>
				job.phase === 'gone' &&
				job.goneAtMs !== undefined &&
				action.nowMs - job.goneAtMs > reconnectWatchMs
					? {...job, phase: 'done' as const}
					: job,
			);
			return sameJobs(next, jobs) ? jobs : {...jobs, jobs: next};
		}
	}
};

/** Jobs finished long ago are dropped, so the list stays short. */
export const pruneKickJobs = (jobs: KickJobs, nowMs: number): KickJobs => {
	const kept = jobs.jobs.filter(
		job => !isFinished(job) || nowMs - job.lastProgressAtMs < 120_000,
	);
	return kept.length === jobs.jobs.length ? jobs : {...jobs, jobs: kept};
};

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} s`;

/** What the operator is told about one job: the truth and nothing more. */
export const describeKick = (
	job: KickJob,
	nowMs: number,
	quote: (id: string) => string,
	/** Whether the user moves traffic now: then it is not idle. */
	isMoving = false,
): {text: string; tone: 'info' | 'success' | 'error'} => {
	const who = quote(job.userId);
	const devices =
		job.devicesAtStart === undefined ? '?' : job.devicesAtStart + job.joined;
	const of = `${job.dropped} of ${devices} device(s) dropped`;
	switch (job.phase) {
		case 'to-send':
		case 'sending': {
			return job.kicksSent === 0
				? {text: `kicking ${who}…`, tone: 'info'}
				: {text: `${who}: ${of}, kicking again…`, tone: 'info'};
		}

		case 'waiting': {
			if (job.devicesAtStart === undefined) {
				return {
					text:
						`${who}: kick queued (this server has no /online, ` +
						'so drops cannot be confirmed)',
					tone: 'info',
				};
			}

			const isOverdue = nowMs - job.lastProgressAtMs >= idleAfterMs;
			if (isOverdue && isMoving) {
				// A kick takes effect at the user's next byte: moving bytes and
				// keeping its devices means the server did not apply it.
				return {
					text:
						`${who}: no device dropped although the user moves ` +
						'traffic: the server may not apply kicks',
					tone: 'error',
				};
			}

			if (isOverdue) {
				return {
					text:
						`${who}: ${job.dropped > 0 ? `${of}; ` : ''}kick queued ` +
						'(user idle, takes effect at its next traffic)',
					tone: 'info',
				};
			}

			return job.dropped > 0
				? {text: `${who}: ${of}, kicking again…`, tone: 'info'}
				: {text: `${who}: kick sent, waiting for a drop…`, tone: 'info'};
		}

		case 'gone':
		case 'done': {
			return {text: `${who}: ${of}`, tone: 'success'};
		}

		case 'reconnected': {
			const after = seconds((job.reconnectedAtMs ?? nowMs) - (job.goneAtMs ?? nowMs));
			return {
				text:
					`${who}: dropped, reconnected after ${after} ` +
					'(block the user in the auth backend)',
				tone: 'error',
			};
		}

		case 'gave-up': {
			return {
				text: `${who}: ${of}; stopped after ${job.kicksSent} kicks`,
				tone: 'error',
			};
		}

		case 'failed': {
			return {text: `kick of ${who} failed: ${job.error ?? ''}`, tone: 'error'};
		}
	}
};
