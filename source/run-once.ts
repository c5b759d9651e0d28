import {setTimeout as sleep} from 'node:timers/promises';

import {isApiError} from './api/api-error.js';
import {formatBytes, formatRate} from './format/format-bytes.js';
import {fitText} from './format/fit-text.js';
import {sanitizeText} from './format/sanitize-text.js';
import {
	createFleetState,
	fleetReducer,
	type FleetState,
} from './model/fleet-state.js';
import type {PolledEndpoint, PollResult} from './model/poll-result.js';
import {sortUsers} from './model/sort-rows.js';
import type {WatchedServer} from './watch-servers.js';

const endpoints: readonly PolledEndpoint[] = ['traffic', 'online', 'streams'];


const settle = async (
	endpoint: PolledEndpoint,
	request: () => Promise<unknown>,
): Promise<PollResult> => {
	const startMs = Date.now();
	try {
		const data = await request();
		const atMs = Date.now();
		// The request matches the endpoint, so the data has its type.
		return {endpoint, ok: true, data, atMs, durationMs: atMs - startMs} as PollResult;
	} catch (error) {
		if (!isApiError(error)) {
			throw error;
		}

		return {endpoint, ok: false, error, atMs: Date.now(), retryInMs: undefined};
	}
};

const pollAll = async (
	servers: readonly WatchedServer[],
	state: FleetState,
): Promise<FleetState> => {
	const answers = await Promise.all(
		servers.map(async ({client}, server) => {
			const results = await Promise.all([
				settle('traffic', async () => client.traffic()),
				settle('online', async () => client.online()),
				settle('streams', async () => client.streams()),
			]);
			return results.map(result => ({server, result}));
		}),
	);
	return answers
		.flat()
		.reduce(
			(next, {server, result}) =>
				fleetReducer(next, {type: 'result', server, result}),
			state,
		);
};

const totalsOf = (state: FleetState) => {
	const totals = {upRate: 0, downRate: 0, onlineUsers: 0, devices: 0, activeStreams: 0};
	for (const {monitor} of state.servers) {
		for (const key of Object.keys(totals) as Array<keyof typeof totals>) {
			totals[key] += monitor.totals[key];
		}
	}

	return totals;
};

/** What the totals of `endpoint` can be taken for, across the servers. */
const knowledgeOf = (
	state: FleetState,
	endpoint: 'online' | 'streams',
): 'known' | 'partly' | 'unsupported' | 'unknown' => {
	const statuses = state.servers.map(({monitor}) => monitor.status[endpoint]);
	if (statuses.every(status => !status.isSupported)) {
		return 'unsupported';
	}

	const answered = statuses.filter(
		status => status.isSupported && status.error === undefined,
	);
	if (answered.length === 0) {
		return 'unknown';
	}

	return statuses.every(status => status.error === undefined || !status.isSupported)
		? 'known'
		: 'partly';
};

const isCounted = (state: FleetState, endpoint: 'online' | 'streams') =>
	['known', 'partly'].includes(knowledgeOf(state, endpoint));

const qualifiers = {
	known: '',
	partly: ' (some servers did not answer)',
	unsupported: '',
	unknown: '',
} as const;

const renderTable = (state: FleetState): string => {
	const totals = totalsOf(state);
	const describe = (endpoint: 'online' | 'streams', counts: string) => {
		const knowledge = knowledgeOf(state, endpoint);
		if (knowledge === 'unsupported') {
			return `${endpoint} n/a (older server)`;
		}

		return knowledge === 'unknown'
			? `${endpoint} unknown (see errors)`
			: counts + qualifiers[knowledge];
	};

	const online = describe(
		'online',
		`online ${totals.onlineUsers} users, ${totals.devices} devices`,
	);
	const streams = describe('streams', `streams ${totals.activeStreams}`);
	const lines = [
		state.servers.map(server => server.url).join(', ') +
			`  up ${formatRate(totals.upRate)}  down ${formatRate(totals.downRate)}` +
			`  ${online}  ${streams}`,
		[
			fitText('USER', 24),
			fitText('UP/s', 10, 'right'),
			fitText('DOWN/s', 10, 'right'),
			fitText('UP TOTAL', 10, 'right'),
			fitText('DOWN TOTAL', 10, 'right'),
			fitText('DEVICES', 7, 'right'),
		].join(' '),
	];
	for (const row of sortUsers(state.users, 'rate', true)) {
		lines.push(
			[
				fitText(sanitizeText(row.id), 24),
				fitText(formatRate(row.upRate), 10, 'right'),
				fitText(formatRate(row.downRate), 10, 'right'),
				fitText(formatBytes(row.up), 10, 'right'),
				fitText(formatBytes(row.down), 10, 'right'),
				fitText(row.devices === undefined ? '?' : String(row.devices), 7, 'right'),
			].join(' '),
		);
	}

	return lines.join('\n') + '\n';
};

const renderJson = (state: FleetState): string =>
	JSON.stringify({
		servers: state.servers.map(server => ({
			name: server.name,
			url: server.url,
			error: server.monitor.status.traffic.error?.message ?? null,
			errors: Object.fromEntries(
				endpoints.map(endpoint => [
					endpoint,
					server.monitor.status[endpoint].error?.message ?? null,
				]),
			),
			totals: server.monitor.totals,
		})),
		totals: {
			...totalsOf(state),
			// Counts nobody could give are null, not 0.
			...(isCounted(state, 'online') ? {} : {onlineUsers: null, devices: null}),
			...(isCounted(state, 'streams') ? {} : {activeStreams: null}),
		},
		users: sortUsers(state.users, 'rate', true).map(row => ({
			id: row.id,
			upRate: row.upRate,
			downRate: row.downRate,
			up: row.up,
			down: row.down,
			devices: row.devices ?? null,
			presence: row.presence,
		})),
	}) + '\n';

/**
One snapshot for scripts and terminals without raw mode: two polls one
interval apart (rates need two samples), printed once. Exit code 1 when a
server could not be read; the others are still printed.
*/
export const runOnce = async (
	servers: readonly WatchedServer[],
	intervalMs: number,
	isJson: boolean,
	write: (text: string) => void,
	writeError: (text: string) => void,
): Promise<number> => {
	const initial = createFleetState(
		servers.map(server => ({name: server.name, url: server.client.url})),
	);
	let state = await pollAll(servers, initial);
	const isAnyUp = state.servers.some(
		server => server.monitor.status.traffic.error === undefined,
	);
	if (isAnyUp) {
		await sleep(intervalMs);
		state = await pollAll(servers, state);
	}

	// Every failure is said and counts, not only /traffic's: a snapshot
	// must not pass an unreadable /online off as nobody online. An older
	// server's missing endpoint is no failure.
	let failureCount = 0;
	for (const server of state.servers) {
		const where = servers.length > 1 ? `${server.name}: ` : '';
		// A server down fails every endpoint alike: one line says it.
		const said = new Set<string>();
		for (const endpoint of endpoints) {
			const {error} = server.monitor.status[endpoint];
			const isMissing = error?.kind === 'not-found' && endpoint !== 'traffic';
			if (error && !isMissing) {
				failureCount++;
				const line = `hytop: ${where}${error.message}\n`;
				if (!said.has(error.kind)) {
					said.add(error.kind);
					writeError(line);
				}
			}
		}
	}

	const isAnyTraffic = state.servers.some(
		server => server.monitor.status.traffic.error === undefined,
	);
	// JSON is always printed, errors included: scripts parse one shape.
	if (isJson) {
		write(renderJson(state));
	} else if (isAnyTraffic) {
		write(renderTable(state));
	}

	return failureCount > 0 ? 1 : 0;
};
