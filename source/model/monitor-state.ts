import type {ApiError} from '../api/api-error.js';
import type {Online, Traffic} from '../api/types.js';
import type {PollResult, PolledEndpoint} from './poll-result.js';
import {buildStreamRows, type StreamSnapshot} from './stream-rows.js';
import type {StreamRow, UserRow} from './types.js';
import {
	computeUserRates,
	type TrafficSample,
	type UserRate,
} from './user-rates.js';
import {
	addSeenIds,
	buildUserRows,
	expireUserChanges,
	markOnlineChanges,
	markTrafficArrivals,
	noUserChanges,
	type UserChanges,
} from './user-rows.js';

export type EndpointStatus = {
	/** False once the server answered 404: it predates the endpoint. */
	readonly isSupported: boolean;
	/** Local time of the last good answer; the age of what is shown. */
	readonly lastOkAtMs: number | undefined;
	/** The last failure; cleared by the next good answer. */
	readonly error: ApiError | undefined;
	readonly retryInMs: number | undefined;
	/** Local time of the next try after a failure: a countdown on screen. */
	readonly retryAtMs: number | undefined;
	/** Set while the endpoint is asked less often than the poll interval. */
	readonly everyMs?: number;
};

export type MonitorTotals = {
	readonly upRate: number;
	readonly downRate: number;
	readonly onlineUsers: number;
	readonly devices: number;
	/** Streams not in the `closed` state. */
	readonly activeStreams: number;
};

/** What the model keeps between answers to compute rates and changes. */
export type MonitorSamples = {
	readonly traffic: TrafficSample | undefined;
	readonly rates: ReadonlyMap<string, UserRate>;
	readonly streams: StreamSnapshot | undefined;
	readonly changes: UserChanges;
	/** Every user id seen in /traffic or /online, to tell arrivals. */
	readonly seenIds: ReadonlySet<string>;
};

export type MonitorState = {
	/** Unsorted. */
	readonly users: readonly UserRow[];
	/** Unsorted (in the server's order). */
	readonly streams: readonly StreamRow[];
	readonly online: Online | undefined;
	readonly totals: MonitorTotals;
	readonly status: Readonly<Record<PolledEndpoint, EndpointStatus>>;
	/** Local time a counter was last seen falling (a clear or restart). */
	readonly lastResetAtMs: number | undefined;
	/** For the reducer only; the screen has no use for it. */
	readonly samples: MonitorSamples;
};

export type MonitorAction =
	| {readonly type: 'result'; readonly result: PollResult}
	/** Time passed: expires the joined and left marks. */
	| {readonly type: 'tick'; readonly nowMs: number};

const freshStatus: EndpointStatus = {
	isSupported: true,
	lastOkAtMs: undefined,
	error: undefined,
	retryInMs: undefined,
	retryAtMs: undefined,
};

export const initialMonitorState: MonitorState = {
	users: [],
	streams: [],
	online: undefined,
	totals: {
		upRate: 0,
		downRate: 0,
		onlineUsers: 0,
		devices: 0,
		activeStreams: 0,
	},
	status: {traffic: freshStatus, online: freshStatus, streams: freshStatus},
	lastResetAtMs: undefined,
	samples: {
		traffic: undefined,
		rates: new Map(),
		streams: undefined,
		changes: noUserChanges,
		seenIds: new Set(),
	},
};

/** The shortest time a rate is measured over. */
const minRateWindowMs = 250;

const okStatus = (atMs: number, everyMs?: number): EndpointStatus => ({
	...(everyMs !== undefined && {everyMs}),
	isSupported: true,
	lastOkAtMs: atMs,
	error: undefined,
	retryInMs: undefined,
	retryAtMs: undefined,
});

const usersOf = (
	traffic: Traffic | undefined,
	rates: ReadonlyMap<string, UserRate>,
	online: Online | undefined,
	changes: UserChanges,
): readonly UserRow[] => buildUserRows({traffic, rates, online, changes});

const reduceTraffic = (
	state: MonitorState,
	data: Traffic,
	atMs: number,
): MonitorState => {
	const {samples} = state;
	const sample: TrafficSample = {data, atMs};
	const baseline = samples.traffic;
	// An answer right after another (an extra poll after a kick or clear)
	// would make a rate out of a few milliseconds of bursty traffic: the
	// rates stay, and the older answer stays the baseline.
	const isTooSoon =
		baseline !== undefined && atMs - baseline.atMs < minRateWindowMs;
	const {rates, isReset} = isTooSoon
		? {rates: samples.rates, isReset: false}
		: computeUserRates(baseline, sample);
	// The first answer lists users from before hytop started: no arrivals.
	const changes = markTrafficArrivals(
		samples.changes,
		samples.seenIds,
		samples.traffic !== undefined,
		data,
		atMs,
	);
	let upRate = 0;
	let downRate = 0;
	for (const rate of rates.values()) {
		upRate += rate.upRate;
		downRate += rate.downRate;
	}

	return {
		...state,
		users: usersOf(data, rates, state.online, changes),
		totals: {...state.totals, upRate, downRate},
		status: {...state.status, traffic: okStatus(atMs)},
		lastResetAtMs: isReset ? atMs : state.lastResetAtMs,
		samples: {
			...samples,
			traffic: isTooSoon ? baseline : sample,
			rates,
			changes,
			seenIds: addSeenIds(samples.seenIds, data.keys()),
		},
	};
};

const reduceOnline = (
	state: MonitorState,
	online: Online | undefined,
	status: EndpointStatus,
	atMs: number,
): MonitorState => {
	const {samples} = state;
	const changes =
		online === undefined
			? samples.changes
			: markOnlineChanges(samples.changes, state.online, online, atMs);
	let onlineUsers = 0;
	let devices = 0;
	for (const count of online?.values() ?? []) {
		if (count > 0) {
			onlineUsers++;
			devices += count;
		}
	}

	return {
		...state,
		users: usersOf(samples.traffic?.data, samples.rates, online, changes),
		online,
		totals: {...state.totals, onlineUsers, devices},
		status: {...state.status, online: status},
		samples: {
			...samples,
			changes,
			seenIds:
				online === undefined
					? samples.seenIds
					: addSeenIds(samples.seenIds, online.keys()),
		},
	};
};

const reduceStreams = (
	state: MonitorState,
	result: Extract<PollResult, {endpoint: 'streams'; ok: true}>,
): MonitorState => {
	const {rows, activeCount, snapshot} = buildStreamRows(
		result.data,
		result.atMs,
		state.samples.streams,
	);

	return {
		...state,
		streams: rows,
		totals: {...state.totals, activeStreams: activeCount},
		status: {
			...state.status,
			streams: okStatus(result.atMs, result.everyMs),
		},
		samples: {...state.samples, streams: snapshot},
	};
};

const reduceError = (
	state: MonitorState,
	result: Extract<PollResult, {ok: false}>,
): MonitorState => {
	const {endpoint, error, retryInMs} = result;
	const previous = state.status[endpoint];
	// A 404 from /online or /dump/streams means a server older than the
	// endpoint: it will not come back, so its old data goes. Any other
	// failure keeps the last good data, shown with its age.
	const isMissing = error.kind === 'not-found' && endpoint !== 'traffic';
	const status: EndpointStatus = {
		isSupported: isMissing ? false : previous.isSupported,
		lastOkAtMs: previous.lastOkAtMs,
		error,
		retryInMs,
		retryAtMs: retryInMs === undefined ? undefined : result.atMs + retryInMs,
	};

	if (isMissing && endpoint === 'online' && state.online !== undefined) {
		return reduceOnline(state, undefined, status, result.atMs);
	}

	if (isMissing && endpoint === 'streams' && state.streams.length > 0) {
		return {
			...state,
			streams: [],
			totals: {...state.totals, activeStreams: 0},
			status: {...state.status, streams: status},
			samples: {...state.samples, streams: undefined},
		};
	}

	return {...state, status: {...state.status, [endpoint]: status}};
};

const reduceTick = (state: MonitorState, nowMs: number): MonitorState => {
	const {samples} = state;
	const changes = expireUserChanges(samples.changes, nowMs);
	if (changes === samples.changes) {
		return state;
	}

	return {
		...state,
		users: usersOf(
			samples.traffic?.data,
			samples.rates,
			state.online,
			changes,
		),
		samples: {...samples, changes},
	};
};

/**
The model's reducer: one poll answer or failure, or the passing of time, in;
the next state out. Never sorts (the screen sorts what it shows) and returns
the same state when a tick changes nothing, so React can skip a render.
*/
export const monitorReducer = (
	state: MonitorState,
	action: MonitorAction,
): MonitorState => {
	if (action.type === 'tick') {
		return reduceTick(state, action.nowMs);
	}

	const {result} = action;
	if (!result.ok) {
		return reduceError(state, result);
	}

	switch (result.endpoint) {
		case 'traffic': {
			return reduceTraffic(state, result.data, result.atMs);
		}

		case 'online': {
			return reduceOnline(
				state,
				result.data,
				okStatus(result.atMs),
				result.atMs,
			);
		}

		case 'streams': {
			return reduceStreams(state, result);
		}
	}
};
