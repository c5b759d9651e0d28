import type {Traffic} from '../api/types.js';
import {sanitizeText} from '../format/sanitize-text.js';
import {
	aggregateUsers,
	combineStreams,
	type FleetStreamRow,
} from './aggregate-users.js';
import {
	appendEvents,
	type FleetEvent,
	onlineEvents,
	statusEvents,
} from './fleet-events.js';
import {
	initialMonitorState,
	monitorReducer,
	type MonitorState,
} from './monitor-state.js';
import type {PollResult} from './poll-result.js';
import {
	emptyRateHistory,
	pushRateHistory,
	type RateHistory,
} from './rate-history.js';
import {
	addTrafficToSession,
	emptySessionTotals,
	resetSessionTotals,
	type SessionTotals,
} from './session-totals.js';
import type {UserRow} from './types.js';

export type ServerState = {
	readonly name: string;
	readonly url: string;
	readonly monitor: MonitorState;
};

/** Everything hytop knows about the servers it watches. */
export type FleetState = {
	readonly servers: readonly ServerState[];
	/** One row per user across all servers; unsorted. */
	readonly users: readonly UserRow[];
	readonly streams: readonly FleetStreamRow[];
	readonly session: SessionTotals;
	readonly history: RateHistory;
	readonly events: readonly FleetEvent[];
	/** When the rate history last took a sample. */
	readonly historyAtMs: number | undefined;
};

export type FleetAction =
	| {
			readonly type: 'result';
			readonly server: number;
			readonly result: PollResult;
	  }
	/** A second passed: ages, join marks and the rate history move on. */
	| {readonly type: 'tick'; readonly nowMs: number}
	/** Several answers and a tick in one step, so the screen draws once. */
	| {
			readonly type: 'batch';
			readonly results: ReadonlyArray<{
				readonly server: number;
				readonly result: PollResult;
			}>;
			readonly nowMs: number;
			/** Polling is paused: the ages move on, the graphs hold still. */
			readonly isPaused?: boolean;
	  }
	/** hytop cleared a server; these are the counters it had. */
	| {
			readonly type: 'cleared';
			readonly server: number;
			readonly traffic: Traffic;
	  }
	/** `z`: forget the session totals and graphs, not the server's data. */
	| {readonly type: 'reset-session'}
	| {readonly type: 'event'; readonly event: FleetEvent};

export const createFleetState = (
	servers: ReadonlyArray<{readonly name: string; readonly url: string}>,
): FleetState => ({
	servers: servers.map(({name, url}) => ({
		name,
		url,
		monitor: initialMonitorState,
	})),
	users: [],
	streams: [],
	session: emptySessionTotals,
	history: emptyRateHistory,
	events: [],
	historyAtMs: undefined,
});

const quote = (id: string) => `"${sanitizeText(id)}"`;

/** An endpoint problem already said a moment ago is not said again. */
const repeatWindowMs = 30_000;

const withoutRepeats = (
	added: readonly FleetEvent[],
	recent: readonly FleetEvent[],
): FleetEvent[] =>
	added.filter(
		event =>
			!recent.some(
				earlier =>
					earlier.text === event.text &&
					event.atMs - earlier.atMs < repeatWindowMs,
			),
	);

const withServers = (
	state: FleetState,
	servers: readonly ServerState[],
): FleetState => {
	const rows = servers.map(server => ({
		name: server.name,
		users: server.monitor.users,
		streams: server.monitor.streams,
	}));
	const usersChanged = servers.some(
		(server, index) =>
			server.monitor.users !== state.servers[index]?.monitor.users,
	);
	const streamsChanged = servers.some(
		(server, index) =>
			server.monitor.streams !== state.servers[index]?.monitor.streams,
	);

	return {
		...state,
		servers,
		users: usersChanged ? aggregateUsers(rows) : state.users,
		streams: streamsChanged ? combineStreams(rows) : state.streams,
	};
};

const reduceResult = (
	state: FleetState,
	index: number,
	result: PollResult,
): FleetState => {
	const server = state.servers[index];
	if (!server) {
		return state;
	}

	const monitor = monitorReducer(server.monitor, {type: 'result', result});
	if (monitor === server.monitor) {
		return state;
	}

	const prefix = state.servers.length > 1 ? `${server.name}: ` : '';
	const events = [
		...withoutRepeats(
			statusEvents(server.monitor, monitor, result.atMs, prefix),
			state.events,
		),
		...onlineEvents(
			server.monitor.online,
			monitor.online,
			result.atMs,
			prefix,
			quote,
		),
	];
	const session =
		result.ok && result.endpoint === 'traffic'
			? addTrafficToSession(state.session, server.name, result.data)
			: state.session;
	const servers = state.servers.map((entry, position) =>
		position === index ? {...entry, monitor} : entry,
	);

	return {
		...withServers(state, servers),
		session,
		events: appendEvents(state.events, events),
	};
};

/** The servers' total rates, from those whose data is fresh. */
const totalRates = (servers: readonly ServerState[]) => {
	let upRate = 0;
	let downRate = 0;
	for (const server of servers) {
		// A server not answering keeps its last rates on screen, marked
		// stale; the graphs must not draw them as if measured again.
		if (server.monitor.status.traffic.error !== undefined) {
			continue;
		}

		upRate += server.monitor.totals.upRate;
		downRate += server.monitor.totals.downRate;
	}

	return {upRate, downRate};
};

/** The history takes one sample a second, however often the screen draws. */
const historyStepMs = 1000;

const reduceTick = (
	state: FleetState,
	nowMs: number,
	isPaused = false,
): FleetState => {
	const servers = state.servers.map(server => {
		const monitor = monitorReducer(server.monitor, {type: 'tick', nowMs});
		return monitor === server.monitor ? server : {...server, monitor};
	});
	const next = withServers(state, servers);
	// A little early counts as on time: timers drift by a few milliseconds.
	const isSampleDue =
		state.historyAtMs === undefined ||
		nowMs - state.historyAtMs >= historyStepMs * 0.9;
	// Paused, no rates are measured: a sample would repeat the last ones.
	if (!isSampleDue || isPaused) {
		return next;
	}

	return {
		...next,
		history: pushRateHistory(
			state.history,
			next.users,
			totalRates(servers),
		),
		historyAtMs: nowMs,
	};
};

/** The fleet's reducer: every server's answers, time, and session resets. */
export const fleetReducer = (
	state: FleetState,
	action: FleetAction,
): FleetState => {
	switch (action.type) {
		case 'result': {
			return reduceResult(state, action.server, action.result);
		}

		case 'tick': {
			return reduceTick(state, action.nowMs);
		}

		case 'batch': {
			const answered = action.results.reduce(
				(next, {server, result}) => reduceResult(next, server, result),
				state,
			);
			return reduceTick(answered, action.nowMs, action.isPaused);
		}

		case 'cleared': {
			const server = state.servers[action.server];
			return server
				? {
						...state,
						session: addTrafficToSession(
							state.session,
							server.name,
							action.traffic,
						),
					}
				: state;
		}

		case 'reset-session': {
			return {
				...state,
				session: resetSessionTotals(state.session),
				history: emptyRateHistory,
			};
		}

		case 'event': {
			return {...state, events: appendEvents(state.events, [action.event])};
		}
	}
};
