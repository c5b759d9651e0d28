import assert from 'node:assert/strict';
import {test} from 'node:test';

import type {ByteCounter} from '../source/api/types.js';
import {
	addTrafficToSession,
	counterDelta,
	emptySessionTotals,
	resetSessionTotals,
} from '../source/model/session-totals.js';

const traffic = (entries: Record<string, [number, number]>) =>
	new Map<string, ByteCounter>(
		Object.entries(entries).map(([id, [tx, rx]]) => [id, {tx, rx}]),
	);

test('session totals - the first answer is only a baseline', () => {
	const session = addTrafficToSession(
		emptySessionTotals,
		'a',
		traffic({alice: [500, 900]}),
	);
	assert.equal(session.users.size, 0);
});

test('session totals - count what grew between answers', () => {
	let session = addTrafficToSession(emptySessionTotals, 'a', traffic({alice: [500, 900]}));
	session = addTrafficToSession(session, 'a', traffic({alice: [600, 1900]}));
	assert.deepEqual(session.users.get('alice'), {up: 100, down: 1000});
});

test('session totals - keep the bytes from before a reset made by anyone', () => {
	let session = addTrafficToSession(emptySessionTotals, 'a', traffic({alice: [500, 900]}));
	session = addTrafficToSession(session, 'a', traffic({alice: [600, 1000]}));
	// Cleared elsewhere: counting restarted from zero.
	session = addTrafficToSession(session, 'a', traffic({alice: [50, 70]}));
	assert.deepEqual(session.users.get('alice'), {up: 150, down: 170});
});

test('session totals - a user new after the baseline counts from zero', () => {
	let session = addTrafficToSession(emptySessionTotals, 'a', traffic({}));
	session = addTrafficToSession(session, 'a', traffic({bob: [10, 20]}));
	assert.deepEqual(session.users.get('bob'), {up: 10, down: 20});
});

test('session totals - servers are counted apart and summed per user', () => {
	let session = addTrafficToSession(emptySessionTotals, 'a', traffic({alice: [0, 0]}));
	session = addTrafficToSession(session, 'b', traffic({alice: [1000, 1000]}));
	session = addTrafficToSession(session, 'a', traffic({alice: [5, 5]}));
	session = addTrafficToSession(session, 'b', traffic({alice: [1010, 1010]}));
	assert.deepEqual(session.users.get('alice'), {up: 15, down: 15});
});

test('session totals - a reset zeroes totals but keeps the baseline', () => {
	let session = addTrafficToSession(emptySessionTotals, 'a', traffic({alice: [0, 0]}));
	session = addTrafficToSession(session, 'a', traffic({alice: [10, 10]}));
	session = resetSessionTotals(session);
	assert.equal(session.users.size, 0);
	session = addTrafficToSession(session, 'a', traffic({alice: [12, 13]}));
	assert.deepEqual(session.users.get('alice'), {up: 2, down: 3});
});

test('counter delta - a fall means the counter restarted from zero', () => {
	assert.equal(counterDelta(100, 150), 50);
	assert.equal(counterDelta(100, 30), 30);
	assert.equal(counterDelta(undefined, 30), 30);
});

test('session totals - after a clear, a user now above its old count is all new', () => {
	let session = addTrafficToSession(
		emptySessionTotals,
		'a',
		traffic({alice: [0, 0], bob: [100, 100]}),
	);
	session = addTrafficToSession(session, 'a', traffic({alice: [10, 10], bob: [200, 200]}));
	// Cleared elsewhere; alice has since moved more than her old 10.
	session = addTrafficToSession(session, 'a', traffic({alice: [50, 50]}));
	assert.deepEqual(session.users.get('alice'), {up: 60, down: 60});
});
