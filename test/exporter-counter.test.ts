import assert from 'node:assert/strict';
import {test} from 'node:test';

import type {ByteCounter} from '../source/api/types.js';
import {
	createResetAwareCounter,
} from '../source/exporter/reset-aware-counter.js';
import {createTrafficTotals} from '../source/exporter/traffic-totals.js';

const traffic = (entries: Record<string, [number, number]>) =>
	new Map<string, ByteCounter>(
		Object.entries(entries).map(([id, [tx, rx]]) => [id, {tx, rx}]),
	);

test('reset-aware counter - follows a source that only grows', () => {
	const counter = createResetAwareCounter();
	counter.observe(10);
	counter.observe(25);

	assert.equal(counter.total, 25);
});

test('reset-aware counter - banks the last value when the source goes down', () => {
	const counter = createResetAwareCounter();
	counter.observe(100);
	counter.observe(30);

	assert.equal(counter.total, 130);
	counter.observe(50);
	assert.equal(counter.total, 150);
});

test('reset-aware counter - restart banks even when the source then grows past it', () => {
	const counter = createResetAwareCounter();
	counter.observe(100);
	counter.restart();
	counter.observe(120);

	assert.equal(counter.total, 220);
});

test('traffic totals - counters that only grow are no reset', () => {
	const totals = createTrafficTotals();
	totals.observe(traffic({alice: [1, 2]}));

	assert.equal(totals.observe(traffic({alice: [5, 9], bob: [1, 1]})), false);
	assert.deepEqual(totals.totals().get('alice'), {up: 5, down: 9});
});

test('traffic totals - one user gone after a clear restarts every user', () => {
	const totals = createTrafficTotals();
	totals.observe(traffic({alice: [100, 200], bob: [5, 5]}));

	// alice moved more since the clear than before it: only bob shows it.
	const isReset = totals.observe(traffic({alice: [150, 300]}));

	assert.equal(isReset, true);
	assert.deepEqual(Object.fromEntries(totals.totals()), {
		alice: {up: 250, down: 500},
		bob: {up: 5, down: 5},
	});
});

test('traffic totals - counts each reset once', () => {
	const totals = createTrafficTotals();
	totals.observe(traffic({alice: [10, 10]}));
	totals.observe(traffic({}));
	totals.observe(traffic({}));
	totals.observe(traffic({alice: [3, 0]}));
	totals.observe(traffic({alice: [1, 0]}));

	assert.equal(totals.resetCount, 2);
	assert.deepEqual(totals.totals().get('alice'), {up: 14, down: 10});
});
