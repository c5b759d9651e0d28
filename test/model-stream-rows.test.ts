import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {StreamEntry} from '../source/api/types.js';
import {buildStreamRows} from '../source/model/stream-rows.js';

const startMs = Date.UTC(2026, 0, 1);

const entry = (overrides: Partial<StreamEntry>): StreamEntry => ({
	state: 'estab',
	auth: 'alice',
	connection: 7,
	stream: 4,
	reqAddr: 'example.com:443',
	hookedReqAddr: '',
	tx: 0,
	rx: 0,
	initialAtMs: startMs,
	lastActiveAtMs: startMs,
	...overrides,
});

test('buildStreamRows - keys rows by connection and stream', () => {
	const {rows} = buildStreamRows(
		[entry({connection: 7, stream: 4}), entry({connection: 7, stream: 8})],
		startMs,
		undefined,
	);
	assert.deepEqual(
		rows.map(row => row.key),
		['7:4', '7:8'],
	);
	assert.equal(rows[0]?.user, 'alice');
});

test('buildStreamRows - new streams start at zero rates', () => {
	const {rows} = buildStreamRows(
		[entry({tx: 5000, rx: 9000})],
		startMs,
		undefined,
	);
	assert.equal(rows[0]?.upRate, 0);
	assert.equal(rows[0]?.downRate, 0);
});

test('buildStreamRows - rates from the same key over elapsed time', () => {
	const first = buildStreamRows(
		[entry({tx: 100, rx: 100})],
		startMs,
		undefined,
	);
	const {rows} = buildStreamRows(
		[entry({tx: 600, rx: 2100})],
		startMs + 500,
		first.snapshot,
	);
	assert.equal(rows[0]?.upRate, 1000);
	assert.equal(rows[0]?.downRate, 4000);
});

test('buildStreamRows - a fallen counter gives zero rates', () => {
	const first = buildStreamRows(
		[entry({tx: 900, rx: 100})],
		startMs,
		undefined,
	);
	const {rows} = buildStreamRows(
		[entry({tx: 10, rx: 500})],
		startMs + 1000,
		first.snapshot,
	);
	assert.equal(rows[0]?.upRate, 0);
	assert.equal(rows[0]?.downRate, 0);
});

test('buildStreamRows - a key reused by another user starts over', () => {
	const first = buildStreamRows([entry({tx: 1, rx: 1})], startMs, undefined);
	const {rows} = buildStreamRows(
		[entry({auth: 'bob', tx: 1000, rx: 1000})],
		startMs + 1000,
		first.snapshot,
	);
	assert.equal(rows[0]?.upRate, 0);
	assert.equal(rows[0]?.user, 'bob');
});

test('buildStreamRows - lifetime and idle from the arrival time', () => {
	const {rows} = buildStreamRows(
		[entry({initialAtMs: startMs - 65_000, lastActiveAtMs: startMs - 2000})],
		startMs,
		undefined,
	);
	assert.equal(rows[0]?.lifetimeMs, 65_000);
	assert.equal(rows[0]?.idleMs, 2000);
});

test('buildStreamRows - a server clock ahead clamps at zero', () => {
	const {rows} = buildStreamRows(
		[entry({initialAtMs: startMs + 3000, lastActiveAtMs: startMs + 1})],
		startMs,
		undefined,
	);
	assert.equal(rows[0]?.lifetimeMs, 0);
	assert.equal(rows[0]?.idleMs, 0);
});

test('buildStreamRows - missing timestamps give undefined', () => {
	const {rows} = buildStreamRows(
		[entry({initialAtMs: undefined, lastActiveAtMs: undefined})],
		startMs,
		undefined,
	);
	assert.equal(rows[0]?.lifetimeMs, undefined);
	assert.equal(rows[0]?.idleMs, undefined);
});

test('buildStreamRows - Go zero time gives undefined, not centuries', () => {
	const goZeroTimeMs = Date.parse('0001-01-01T00:00:00Z');
	const {rows} = buildStreamRows(
		[entry({initialAtMs: goZeroTimeMs, lastActiveAtMs: Date.UTC(1999, 11)})],
		startMs,
		undefined,
	);
	assert.equal(rows[0]?.lifetimeMs, undefined);
	assert.equal(rows[0]?.idleMs, undefined);
});

test('buildStreamRows - counts streams that are not closed', () => {
	const {activeCount, rows} = buildStreamRows(
		[
			entry({stream: 4, state: 'estab'}),
			entry({stream: 8, state: 'closed'}),
			entry({stream: 12, state: 'init'}),
		],
		startMs,
		undefined,
	);
	assert.equal(activeCount, 2);
	assert.equal(rows.length, 3);
});

test('buildStreamRows - copies addresses and state as given', () => {
	const {rows} = buildStreamRows(
		[entry({state: 'hook', hookedReqAddr: 'real.example:443'})],
		startMs,
		undefined,
	);
	assert.equal(rows[0]?.state, 'hook');
	assert.equal(rows[0]?.hookedReqAddr, 'real.example:443');
});

test('buildStreamRows - finds streams around opened and closed ones', () => {
	const first = buildStreamRows(
		[
			entry({auth: 'alice', connection: 1, stream: 4, tx: 100}),
			entry({auth: 'alice', connection: 1, stream: 8, tx: 100}),
			entry({auth: 'bob', connection: 2, stream: 4, tx: 100}),
		],
		startMs,
		undefined,
	);
	const {rows} = buildStreamRows(
		[
			entry({auth: 'alice', connection: 1, stream: 8, tx: 300}),
			entry({auth: 'alice', connection: 1, stream: 12, tx: 900}),
			entry({auth: 'bob', connection: 2, stream: 4, tx: 200}),
		],
		startMs + 1000,
		first.snapshot,
	);
	assert.deepEqual(
		rows.map(row => [row.key, row.upRate]),
		[
			['1:8', 200],
			['1:12', 0],
			['2:4', 100],
		],
	);
	assert.equal(first.snapshot.isOrdered, true);
});

test('buildStreamRows - finds streams in an answer out of order', () => {
	const first = buildStreamRows(
		[
			entry({auth: 'bob', connection: 2, stream: 4, tx: 100}),
			entry({auth: 'alice', connection: 1, stream: 4, tx: 100}),
		],
		startMs,
		undefined,
	);
	const {rows, snapshot} = buildStreamRows(
		[
			entry({auth: 'alice', connection: 1, stream: 4, tx: 150}),
			entry({auth: 'bob', connection: 2, stream: 4, tx: 400}),
		],
		startMs + 1000,
		first.snapshot,
	);
	assert.deepEqual(
		[first.snapshot.isOrdered, snapshot.isOrdered],
		[false, true],
	);
	assert.deepEqual(
		rows.map(row => row.upRate),
		[50, 300],
	);
});

test('buildStreamRows - an answer turning out of order still matches', () => {
	const first = buildStreamRows(
		[
			entry({auth: 'alice', connection: 1, stream: 4, tx: 100}),
			entry({auth: 'bob', connection: 2, stream: 4, tx: 100}),
		],
		startMs,
		undefined,
	);
	const {rows, snapshot} = buildStreamRows(
		[
			entry({auth: 'bob', connection: 2, stream: 4, tx: 300}),
			entry({auth: 'alice', connection: 1, stream: 4, tx: 600}),
		],
		startMs + 1000,
		first.snapshot,
	);
	assert.deepEqual(
		rows.map(row => row.upRate),
		[200, 500],
	);
	assert.equal(snapshot.isOrdered, false);
});

test('stream rows - a stream listed twice gets two distinct keys', () => {
	const twice = [
		entry({connection: 1, stream: 4}),
		entry({connection: 1, stream: 4}),
	];
	const {rows} = buildStreamRows(twice, 1000, undefined);

	assert.equal(new Set(rows.map(row => row.key)).size, 2);
});

test('stream rows - users on connections with one id get distinct keys', () => {
	const shared = [
		entry({auth: 'alice', connection: 7, stream: 4}),
		entry({auth: 'bob', connection: 7, stream: 4}),
		entry({auth: 'carol', connection: 9, stream: 4}),
	];
	const {rows, snapshot} = buildStreamRows(shared, 1000, undefined);

	assert.equal(snapshot.isOrdered, true);
	assert.equal(new Set(rows.map(row => row.key)).size, 3);
	assert.equal(rows[2]?.key, '9:4');
});
