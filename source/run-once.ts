import {setTimeout as sleep} from 'node:timers/promises';

import type {StatsClient} from './api/client-contract.js';
import {isApiError} from './api/api-error.js';
import {formatBytes, formatRate} from './format/format-bytes.js';
import {fitText} from './format/fit-text.js';
import {sanitizeText} from './format/sanitize-text.js';
import {
	initialMonitorState,
	monitorReducer,
	type MonitorState,
} from './model/monitor-state.js';
import type {PollResult} from './poller/poller.js';
import {sortUsers} from './model/sort-rows.js';

const pollAll = async (
	client: StatsClient,
	state: MonitorState,
): Promise<MonitorState> => {
	const startMs = Date.now();
	const settle = async <T>(
		endpoint: 'traffic' | 'online' | 'streams',
		request: () => Promise<T>,
	): Promise<PollResult> => {
		try {
			const data = await request();
			const atMs = Date.now();
			return {
				endpoint,
				ok: true,
				data,
				atMs,
				durationMs: atMs - startMs,
			} as PollResult;
		} catch (error) {
			if (!isApiError(error)) {
				throw error;
			}

			return {
				endpoint,
				ok: false,
				error,
				atMs: Date.now(),
				retryInMs: undefined,
			};
		}
	};

	const results = await Promise.all([
		settle('traffic', async () => client.traffic()),
		settle('online', async () => client.online()),
		settle('streams', async () => client.streams()),
	]);
	return results.reduce(
		(next, result) => monitorReducer(next, {type: 'result', result}),
		state,
	);
};

const renderTable = (state: MonitorState, url: string): string => {
	const {totals} = state;
	const lines = [
		`${url}  up ${formatRate(totals.upRate)}  ` +
			`down ${formatRate(totals.downRate)}  ` +
			`online ${totals.onlineUsers} users, ${totals.devices} devices  ` +
			`streams ${totals.activeStreams}`,
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
				fitText(
					row.devices === undefined ? '?' : String(row.devices),
					7,
					'right',
				),
			].join(' '),
		);
	}

	return lines.join('\n') + '\n';
};

const renderJson = (state: MonitorState, url: string): string =>
	JSON.stringify({
		url,
		atMs: state.status.traffic.lastOkAtMs,
		totals: state.totals,
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
interval apart (rates need two samples), printed once. Returns the exit code.
*/
export const runOnce = async (
	client: StatsClient,
	intervalMs: number,
	isJson: boolean,
	write: (text: string) => void,
	writeError: (text: string) => void,
): Promise<number> => {
	let state = await pollAll(client, initialMonitorState);
	if (state.status.traffic.error === undefined) {
		await sleep(intervalMs);
		state = await pollAll(client, state);
	}

	const {error} = state.status.traffic;
	if (error !== undefined) {
		writeError(`hytop: ${error.message}\n`);
		return 1;
	}

	write(isJson ? renderJson(state, client.url) : renderTable(state, client.url));
	return 0;
};
