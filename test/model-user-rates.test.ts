import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ByteCounter} from '../source/api/types.js';
import {
	computeUserRates,
	type TrafficSample,
} from '../source/model/user-rates.js';

const sample = (
	atMs: number,
	users: Record<string, ByteCounter>,
): TrafficSample => ({atMs, data: new Map(Object.entries(users))});

test('computeUserRates - first sample has zero rates', () => {
	const {rates, isReset} = computeUserRates(
		undefined,
		sample(1000, {alice: {tx: 500, rx: 900}}),
	);
	assert.deepEqual(rates.get('alice'), {upRate: 0, downRate: 0});
	assert.equal(isReset, false);
});

test('computeUserRates - divides by the real elapsed time', () => {
	const {rates} = computeUserRates(
		sample(10_000, {alice: {tx: 1000, rx: 2000}}),
		sample(12_500, {alice: {tx: 6000, rx: 2000}}),
	);
	assert.deepEqual(rates.get('alice'), {upRate: 2000, downRate: 0});
});

test('computeUserRates - a fallen counter gives zero, not negative', () => {
	const {rates, isReset} = computeUserRates(
		sample(0, {alice: {tx: 1_000_000, rx: 1_000_000}}),
		sample(1000, {alice: {tx: 50, rx: 2_000_000}}),
	);
	assert.deepEqual(rates.get('alice'), {upRate: 0, downRate: 0});
	assert.equal(isReset, true);
});

test('computeUserRates - the value after a reset is the new baseline', () => {
	const cleared = sample(1000, {alice: {tx: 50, rx: 10}});
	const {rates, isReset} = computeUserRates(
		cleared,
		sample(2000, {alice: {tx: 150, rx: 30}}),
	);
	assert.deepEqual(rates.get('alice'), {upRate: 100, downRate: 20});
	assert.equal(isReset, false);
});

test('computeUserRates - a vanished user counts as a clear', () => {
	const {rates, isReset} = computeUserRates(
		sample(0, {alice: {tx: 10, rx: 10}, bob: {tx: 5, rx: 5}}),
		sample(1000, {alice: {tx: 20, rx: 10}}),
	);
	assert.equal(isReset, true);
	assert.deepEqual(rates.get('alice'), {upRate: 10, downRate: 0});
});

test('computeUserRates - an emptied map counts as a clear', () => {
	const {rates, isReset} = computeUserRates(
		sample(0, {alice: {tx: 10, rx: 10}}),
		sample(1000, {}),
	);
	assert.equal(isReset, true);
	assert.equal(rates.size, 0);
});

test('computeUserRates - a new user counts all its bytes', () => {
	const {rates, isReset} = computeUserRates(
		sample(0, {}),
		sample(2000, {carol: {tx: 4000, rx: 800}}),
	);
	assert.deepEqual(rates.get('carol'), {upRate: 2000, downRate: 400});
	assert.equal(isReset, false);
});

test('computeUserRates - no elapsed time gives zero, not infinity', () => {
	const {rates, isReset} = computeUserRates(
		sample(5000, {alice: {tx: 1, rx: 1}}),
		sample(5000, {alice: {tx: 100, rx: 100}}),
	);
	assert.deepEqual(rates.get('alice'), {upRate: 0, downRate: 0});
	assert.equal(isReset, false);
});

test('computeUserRates - a clock going back gives zero rates', () => {
	const {rates} = computeUserRates(
		sample(5000, {alice: {tx: 1, rx: 1}}),
		sample(4000, {alice: {tx: 100, rx: 100}}),
	);
	assert.deepEqual(rates.get('alice'), {upRate: 0, downRate: 0});
});

test('computeUserRates - a fall is still a reset when no time passed', () => {
	const {isReset} = computeUserRates(
		sample(5000, {alice: {tx: 100, rx: 1}}),
		sample(5000, {alice: {tx: 1, rx: 1}}),
	);
	assert.equal(isReset, true);
});

test('computeUserRates - huge counters give finite rates', () => {
	const {rates} = computeUserRates(
		sample(0, {alice: {tx: 2 ** 63, rx: Number.MAX_VALUE / 2}}),
		sample(1000, {alice: {tx: 2 ** 63 + 2 ** 12, rx: Number.MAX_VALUE}}),
	);
	assert.equal(rates.get('alice')?.upRate, 4096);
	assert.equal(rates.get('alice')?.downRate, 0);
});
