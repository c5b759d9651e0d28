import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';

import {createStatsClient} from '../source/api/http-client.js';
import {startStatsServer} from '../source/demo/stats-server.js';
import {StatsStore, type StoreStream} from '../source/demo/stats-store.js';
import {
	initialMonitorState,
	monitorReducer,
	type MonitorState,
} from '../source/model/monitor-state.js';
import type {PollResult} from '../source/model/poll-result.js';

// Answers of the faulty server, fetched over HTTP, folded into the model at
// chosen times one second apart: rates must never be negative, spike or
// stick when counters fall, and the reset must be noted.

const start = async (t: TestContext) => {
	const store = new StatsStore();
	const connection = store.connect('alice');
	const stream = store.openStream(connection, {reqAddr: 'a.example:443'});
	store.setStreamState(stream, 'estab');
	const server = await startStatsServer({store});
	const client = createStatsClient({url: server.url});
	t.after(async () => {
		await client.close();
		await server.close();
	});
	let state: MonitorState = initialMonitorState;
	let atMs = 1_000_000;
	// One poll of every endpoint, a second after the previous one.
	const poll = async (): Promise<MonitorState> => {
		atMs += 1000;
		const answers: PollResult[] = [
			{endpoint: 'traffic', ok: true, data: await client.traffic(), atMs, durationMs: 1},
			{endpoint: 'online', ok: true, data: await client.online(), atMs, durationMs: 1},
			{endpoint: 'streams', ok: true, data: await client.streams(), atMs, durationMs: 1},
		];
		for (const result of answers) {
			state = monitorReducer(state, {type: 'result', result});
		}

		return state;
	};

	return {store, server, stream, connection, poll};
};

const rates = (state: MonitorState): number[] => [
	state.totals.upRate,
	state.totals.downRate,
	...state.users.flatMap(user => [user.upRate, user.downRate]),
	...state.streams.flatMap(stream => [stream.upRate, stream.downRate]),
];

const assertSane = (state: MonitorState) => {
	for (const rate of rates(state)) {
		assert.ok(Number.isFinite(rate) && rate >= 0, `rate ${rate}`);
	}
};

const send = (store: StatsStore, stream: StoreStream, bytes: number) => {
	assert.ok(store.addStreamTraffic(stream, bytes, bytes));
};

test('model on a restart - rates restart at 0, then follow, reset noted', async t => {
	const {store, server, stream, connection, poll} = await start(t);
	send(store, stream, 10_000);
	await poll();
	send(store, stream, 5000);
	const before = await poll();
	assert.equal(before.totals.downRate, 5000);
	server.setFaults([{kind: 'restart'}]);
	// After the restart alice has no traffic until her next byte, which
	// goes over a new stream; her device reconnected at once.
	const restarted = await poll();
	assert.ok(restarted.users.every(user => user.down === 0));
	assert.equal(restarted.streams.length, 0);
	assert.notEqual(restarted.lastResetAtMs, undefined);
	const next = store.openStream(connection, {reqAddr: 'b.example:443'});
	send(store, next, 300);
	const back = await poll();
	assertSane(back);
	assert.equal(back.users.find(user => user.id === 'alice')?.downRate, 300);
	send(store, next, 200);
	const later = await poll();
	assert.equal(later.totals.downRate, 200);
	assert.equal(later.streams[0]?.downRate, 200);
});

test('model on a clear by another tool - no negative rate, reset noted', async t => {
	const {store, stream, poll} = await start(t);
	send(store, stream, 50_000);
	await poll();
	send(store, stream, 1000);
	store.traffic({clear: true});
	send(store, stream, 700);
	const cleared = await poll();
	assertSane(cleared);
	assert.notEqual(cleared.lastResetAtMs, undefined);
	send(store, stream, 400);
	const after = await poll();
	assert.equal(after.totals.downRate, 400);
});

test('model on a user who vanishes and comes back - no spike', async t => {
	const {store, stream, poll} = await start(t);
	send(store, stream, 1_000_000);
	await poll();
	store.traffic({clear: true});
	const gone = await poll();
	assert.equal(gone.users.some(user => user.up > 0), false);
	send(store, stream, 100);
	const back = await poll();
	assertSane(back);
	assert.equal(back.totals.downRate, 100);
});

test('model on big numbers - finite totals and rates, no NaN', async t => {
	const {store, server, stream, poll} = await start(t);
	server.setFaults([{kind: 'big-numbers'}]);
	send(store, stream, 10_000);
	await poll();
	send(store, stream, 10_000);
	const state = await poll();
	assertSane(state);
	assert.ok(Number.isFinite(state.totals.devices));
	assert.ok(state.users.every(user => Number.isFinite(user.down)));
});

test('model on odd times - zero and future times give no age, never NaN', async t => {
	const {store, server, connection, poll} = await start(t);
	server.setFaults([{kind: 'odd-times'}]);
	for (let index = 0; index < 11; index++) {
		store.openStream(connection, {reqAddr: 'c.example:443'});
	}

	const {streams} = await poll();
	const ages = streams.flatMap(row => [row.lifetimeMs, row.idleMs]);
	assert.ok(ages.every(ms => ms === undefined || (ms >= 0 && ms < 1e15)));
	// Go's zero time (stream 4) is no time at all.
	assert.equal(streams[3]?.lifetimeMs, undefined);
});
