import assert from 'node:assert/strict';
import {test} from 'node:test';
import {ApiError} from '../source/api/api-error.js';
import type {ByteCounter, StreamEntry} from '../source/api/types.js';
import {
	initialMonitorState,
	monitorReducer,
	type MonitorAction,
	type MonitorState,
} from '../source/model/monitor-state.js';
import type {PolledEndpoint} from '../source/model/poll-result.js';
import type {UserRow} from '../source/model/types.js';
import {CHANGE_VISIBLE_MS} from '../source/model/user-rows.js';

const startMs = Date.UTC(2026, 0, 1);

const traffic = (
	atMs: number,
	users: Record<string, ByteCounter>,
): MonitorAction => ({
	type: 'result',
	result: {
		endpoint: 'traffic',
		ok: true,
		data: new Map(Object.entries(users)),
		atMs,
		durationMs: 3,
	},
});

const online = (
	atMs: number,
	users: Record<string, number>,
): MonitorAction => ({
	type: 'result',
	result: {
		endpoint: 'online',
		ok: true,
		data: new Map(Object.entries(users)),
		atMs,
		durationMs: 3,
	},
});

const streamEntry = (stream: number, tx: number): StreamEntry => ({
	state: 'estab',
	auth: 'alice',
	connection: 1,
	stream,
	reqAddr: 'example.com:443',
	hookedReqAddr: '',
	tx,
	rx: 0,
	initialAtMs: startMs,
	lastActiveAtMs: startMs,
});

const streams = (
	atMs: number,
	entries: readonly StreamEntry[],
): MonitorAction => ({
	type: 'result',
	result: {endpoint: 'streams', ok: true, data: entries, atMs, durationMs: 9},
});

const failure = (
	endpoint: PolledEndpoint,
	atMs: number,
	kind: 'not-found' | 'timeout',
): MonitorAction => ({
	type: 'result',
	result: {
		endpoint,
		ok: false,
		error: new ApiError(kind, endpoint, `${kind} from ${endpoint}`),
		atMs,
		retryInMs: 2000,
	},
});

const tick = (nowMs: number): MonitorAction => ({type: 'tick', nowMs});

const run = (...actions: readonly MonitorAction[]): MonitorState =>
	actions.reduce(monitorReducer, initialMonitorState);

const userOf = (state: MonitorState, id: string): UserRow | undefined =>
	state.users.find(row => row.id === id);

test('monitorReducer - starts empty, every endpoint supported', () => {
	assert.deepEqual(initialMonitorState.users, []);
	assert.deepEqual(
		Object.values(initialMonitorState.status).map(s => s.isSupported),
		[true, true, true],
	);
});

test('monitorReducer - user rates over the time between answers', () => {
	const state = run(
		traffic(startMs, {alice: {tx: 0, rx: 1000}}),
		traffic(startMs + 2000, {alice: {tx: 4000, rx: 1000}}),
	);
	assert.deepEqual(
		[userOf(state, 'alice')?.upRate, userOf(state, 'alice')?.downRate],
		[2000, 0],
	);
	assert.deepEqual([state.totals.upRate, state.totals.downRate], [2000, 0]);
});

test('monitorReducer - a clear records the reset time', () => {
	const state = run(
		traffic(startMs, {alice: {tx: 5000, rx: 5000}}),
		traffic(startMs + 1000, {alice: {tx: 10, rx: 10}}),
	);
	assert.equal(state.lastResetAtMs, startMs + 1000);
	assert.equal(userOf(state, 'alice')?.upRate, 0);
});

test('monitorReducer - merges online users without traffic', () => {
	const state = run(
		traffic(startMs, {alice: {tx: 1, rx: 2}}),
		online(startMs, {alice: 2, bob: 1}),
	);
	assert.deepEqual(
		state.users.map(row => [row.id, row.devices, row.up, row.presence]),
		[
			['alice', 2, 1, 'online'],
			['bob', 1, 0, 'online'],
		],
	);
	assert.deepEqual([state.totals.onlineUsers, state.totals.devices], [2, 3]);
});

test('monitorReducer - an error keeps the last good data', () => {
	const good = run(
		traffic(startMs, {alice: {tx: 1, rx: 2}}),
		online(startMs, {alice: 1}),
	);
	const state = [
		failure('traffic', startMs + 1000, 'timeout'),
		failure('online', startMs + 1000, 'timeout'),
	].reduce(monitorReducer, good);
	assert.deepEqual(state.users, good.users);
	assert.deepEqual(
		[state.status.traffic.lastOkAtMs, state.status.traffic.error?.kind],
		[startMs, 'timeout'],
	);
});

test('monitorReducer - an error keeps the endpoint supported', () => {
	const state = run(failure('streams', startMs, 'timeout'));
	assert.equal(state.status.streams.isSupported, true);
	assert.equal(state.status.streams.retryInMs, 2000);
});

test('monitorReducer - a good answer clears the error', () => {
	const state = run(
		failure('traffic', startMs, 'timeout'),
		traffic(startMs + 1000, {}),
	);
	assert.equal(state.status.traffic.error, undefined);
	assert.equal(state.status.traffic.lastOkAtMs, startMs + 1000);
});

test('monitorReducer - 404 from /online marks it unsupported', () => {
	const state = run(
		traffic(startMs, {alice: {tx: 1, rx: 1}}),
		failure('online', startMs, 'not-found'),
	);
	assert.equal(state.status.online.isSupported, false);
	assert.deepEqual(
		[userOf(state, 'alice')?.presence, userOf(state, 'alice')?.devices],
		['unknown', undefined],
	);
});

test('monitorReducer - 404 from /dump/streams drops its rows', () => {
	const state = run(
		streams(startMs, [streamEntry(4, 0)]),
		failure('streams', startMs + 1000, 'not-found'),
	);
	assert.equal(state.status.streams.isSupported, false);
	assert.deepEqual([state.streams, state.totals.activeStreams], [[], 0]);
});

test('monitorReducer - 404 from /traffic is an error, not unsupported', () => {
	const state = run(failure('traffic', startMs, 'not-found'));
	assert.equal(state.status.traffic.isSupported, true);
	assert.equal(state.status.traffic.error?.kind, 'not-found');
});

test('monitorReducer - stream rates from the previous dump', () => {
	const state = run(
		streams(startMs, [streamEntry(4, 100)]),
		streams(startMs + 1000, [streamEntry(4, 600), streamEntry(8, 50)]),
	);
	assert.deepEqual(
		state.streams.map(row => [row.key, row.upRate]),
		[
			['1:4', 500],
			['1:8', 0],
		],
	);
	assert.equal(state.totals.activeStreams, 2);
});

test('monitorReducer - marks a user joining /online until it expires', () => {
	const joined = run(
		online(startMs, {}),
		online(startMs + 1000, {carol: 1}),
	);
	assert.equal(userOf(joined, 'carol')?.change, 'joined');
	const later = monitorReducer(
		joined,
		tick(startMs + 1000 + CHANGE_VISIBLE_MS),
	);
	assert.equal(userOf(later, 'carol')?.change, undefined);
});

test('monitorReducer - a left user without traffic goes after expiry', () => {
	const left = run(
		online(startMs, {dave: 1}),
		online(startMs + 1000, {}),
	);
	assert.deepEqual(
		[userOf(left, 'dave')?.change, userOf(left, 'dave')?.presence],
		['left', 'offline'],
	);
	const later = monitorReducer(left, tick(startMs + 1000 + CHANGE_VISIBLE_MS));
	assert.equal(userOf(later, 'dave'), undefined);
});

test('monitorReducer - a left user with traffic stays as offline', () => {
	const state = run(
		traffic(startMs, {erin: {tx: 1, rx: 1}}),
		online(startMs, {erin: 1}),
		online(startMs + 1000, {}),
		tick(startMs + 1000 + CHANGE_VISIBLE_MS),
	);
	assert.deepEqual(
		[userOf(state, 'erin')?.presence, userOf(state, 'erin')?.change],
		['offline', undefined],
	);
});

test('monitorReducer - a new user in /traffic is marked joined', () => {
	const state = run(
		traffic(startMs, {alice: {tx: 1, rx: 1}}),
		traffic(startMs + 1000, {alice: {tx: 1, rx: 1}, frank: {tx: 9, rx: 9}}),
	);
	assert.equal(userOf(state, 'frank')?.change, 'joined');
	assert.equal(userOf(state, 'alice')?.change, undefined);
});

test('monitorReducer - users back after a clear are not marked joined', () => {
	const state = run(
		traffic(startMs, {alice: {tx: 5, rx: 5}}),
		traffic(startMs + 1000, {}),
		traffic(startMs + 2000, {alice: {tx: 1, rx: 1}}),
	);
	assert.equal(userOf(state, 'alice')?.change, undefined);
	assert.equal(state.lastResetAtMs, startMs + 1000);
});

test('monitorReducer - first answers mark nobody as joined', () => {
	const state = run(
		online(startMs, {alice: 1}),
		traffic(startMs, {alice: {tx: 1, rx: 1}, idle: {tx: 1, rx: 1}}),
	);
	assert.deepEqual(
		state.users.map(row => row.change),
		[undefined, undefined],
	);
});

test('monitorReducer - a tick with nothing to expire keeps the state', () => {
	const state = run(online(startMs, {}), online(startMs + 1000, {gus: 1}));
	assert.equal(monitorReducer(state, tick(startMs + 2000)), state);
	assert.notEqual(
		monitorReducer(state, tick(startMs + 1000 + CHANGE_VISIBLE_MS)),
		state,
	);
});

test('monitorReducer - does not mutate the state it is given', () => {
	const before = run(traffic(startMs, {alice: {tx: 1, rx: 1}}));
	const usersBefore = before.users;
	monitorReducer(before, traffic(startMs + 1000, {alice: {tx: 9, rx: 9}}));
	assert.equal(before.users, usersBefore);
	assert.equal(before.users[0]?.up, 1);
});
