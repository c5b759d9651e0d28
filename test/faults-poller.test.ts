import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';

import {createStatsClient} from '../source/api/http-client.js';
import type {Fault} from '../source/demo/faults.js';
import {startStatsServer} from '../source/demo/stats-server.js';
import {StatsStore} from '../source/demo/stats-store.js';
import {
	type Clock,
	createPoller,
	type PollResult,
	realClock,
} from '../source/poller/poller.js';
import {waitFor} from './helpers/wait-for.js';

// The real poller and client against the faulty server.

const start = async (
	t: TestContext,
	faults: readonly Fault[],
	clock: Clock = realClock,
) => {
	const store = new StatsStore();
	store.connect('alice');
	const server = await startStatsServer({store, faults});
	const client = createStatsClient({url: server.url, timeoutMs: 150});
	const results: PollResult[] = [];
	const poller = createPoller({
		client,
		intervalMs: 20,
		clock,
		onResult(result) {
			results.push(result);
		},
	});
	poller.start();
	t.after(async () => {
		poller.stop();
		await client.close();
		await server.close();
	});
	const of = (endpoint: PollResult['endpoint']) =>
		results.filter(result => result.endpoint === endpoint);
	return {server, results, of};
};

test('poller on a hanging endpoint - one request at a time, backing off', async t => {
	const {server, of} = await start(t, [{kind: 'hang', endpoint: 'streams'}]);
	const failures = await waitFor(
		() => of('streams').filter(result => !result.ok),
		list => list.length >= 3,
	);
	const stats = server.requestStats();
	assert.equal(stats.streams.peakInFlight, 1);
	assert.deepEqual(
		failures.slice(0, 3).map(result => !result.ok && result.retryInMs),
		[20, 40, 80],
	);
	// The good endpoints went on meanwhile.
	assert.ok(of('traffic').filter(result => result.ok).length > 3);
});

test('poller on a hanging endpoint - resumes by itself once it answers', async t => {
	const {server, of} = await start(t, [{kind: 'hang', endpoint: 'all'}]);
	await waitFor(() => of('traffic').length, count => count >= 1);
	server.setFaults([]);
	const last = await waitFor(
		() => of('traffic').at(-1),
		result => result?.ok === true,
	);
	assert.equal(last?.ok, true);
	assert.equal(server.requestStats().traffic.peakInFlight, 1);
});

test('poller on reset connections - fails and recovers on its own', async t => {
	const {server, of} = await start(t, [{kind: 'reset', endpoint: 'online'}]);
	const failed = await waitFor(
		() => of('online').find(result => !result.ok),
		result => result !== undefined,
	);
	assert.ok(failed !== undefined && !failed.ok);
	assert.equal(failed.error.kind, 'reset');
	server.setFaults([]);
	await waitFor(() => of('online').at(-1)?.ok, ok => ok === true);
});

test('poller on 401 - waits ten seconds, no retry storm', async t => {
	// A fake clock: the retry must be planned, not happen by accident.
	const timers: Array<{callback: () => void; ms: number}> = [];
	const clock: Clock = {
		now: () => 0,
		setTimeout(callback, ms) {
			timers.push({callback, ms});
			return timers.length;
		},
		clearTimeout() {},
	};
	const {server, results} = await start(
		t,
		[{kind: 'unauthorized'}],
		clock,
	);
	await waitFor(() => results.length, count => count === 3);
	assert.ok(
		results.every(result => !result.ok && result.retryInMs === 10_000),
	);
	const stats = server.requestStats();
	assert.equal(stats.traffic.requests + stats.online.requests, 2);
});

test('poller on a malformed endpoint - others keep updating', async t => {
	const {of} = await start(t, [{kind: 'malformed', endpoint: 'online'}]);
	await waitFor(
		() => of('traffic').filter(result => result.ok).length,
		count => count >= 3,
	);
	const online = of('online');
	assert.ok(online.length > 0);
	assert.ok(online.every(result => !result.ok));
});
