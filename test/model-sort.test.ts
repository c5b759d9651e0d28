import assert from 'node:assert/strict';
import {test} from 'node:test';

import {firstInOrder, sortStreams, sortUsers} from '../source/model/sort-rows.js';
import type {StreamRow, UserRow} from '../source/model/types.js';

const user = (id: string, overrides: Partial<UserRow> = {}): UserRow => ({
	id,
	upRate: 0,
	downRate: 0,
	up: 0,
	down: 0,
	devices: 1,
	presence: 'online',
	change: undefined,
	...overrides,
});

const stream = (
	user: string,
	connection: number,
	streamId: number,
	overrides: Partial<StreamRow> = {},
): StreamRow => ({
	key: `${connection}:${streamId}`,
	user,
	state: 'estab',
	connection,
	stream: streamId,
	reqAddr: 'example.com:443',
	hookedReqAddr: '',
	upRate: 0,
	downRate: 0,
	up: 0,
	down: 0,
	lifetimeMs: 1000,
	idleMs: 0,
	...overrides,
});

const ids = (rows: readonly UserRow[]): string[] => rows.map(row => row.id);
const keys = (rows: readonly StreamRow[]): string[] =>
	rows.map(row => row.key);

test('sortUsers - by total rate, busiest first, by default', () => {
	const rows = [
		user('a', {upRate: 10, downRate: 10}),
		user('b', {upRate: 1, downRate: 100}),
		user('c', {downRate: 5}),
	];
	assert.deepEqual(ids(sortUsers(rows)), ['b', 'a', 'c']);
	assert.deepEqual(ids(sortUsers(rows, 'rate', false)), ['c', 'a', 'b']);
});

test('sortUsers - equal rates fall back to total bytes, then id', () => {
	const rows = [
		user('zed', {up: 5}),
		user('bob', {up: 1, down: 1}),
		user('amy', {down: 5}),
	];
	assert.deepEqual(ids(sortUsers(rows)), ['amy', 'zed', 'bob']);
	assert.deepEqual(ids(sortUsers([...rows].reverse())), ['amy', 'zed', 'bob']);
});

test('sortUsers - returns a new array and leaves the input alone', () => {
	const rows = [user('b'), user('a')];
	const sorted = sortUsers(rows, 'id', false);
	assert.notEqual(sorted, rows);
	assert.deepEqual([ids(rows), ids(sorted)], [['b', 'a'], ['a', 'b']]);
});

test('sortUsers - by id in both directions', () => {
	const rows = [user('b'), user('c'), user('a')];
	assert.deepEqual(ids(sortUsers(rows, 'id', false)), ['a', 'b', 'c']);
	assert.deepEqual(ids(sortUsers(rows, 'id', true)), ['c', 'b', 'a']);
});

test('sortUsers - by one direction of rate or bytes', () => {
	const rows = [
		user('a', {upRate: 9, down: 1}),
		user('b', {downRate: 50, down: 9}),
	];
	assert.deepEqual(ids(sortUsers(rows, 'up-rate', true)), ['a', 'b']);
	assert.deepEqual(ids(sortUsers(rows, 'down', true)), ['b', 'a']);
});

test('sortUsers - unknown devices sort last in both directions', () => {
	const rows = [
		user('a', {devices: undefined}),
		user('b', {devices: 2}),
		user('c', {devices: 0}),
	];
	assert.deepEqual(ids(sortUsers(rows, 'devices', true)), ['b', 'c', 'a']);
	assert.deepEqual(ids(sortUsers(rows, 'devices', false)), ['c', 'b', 'a']);
});

test('sortStreams - by user, connection and stream by default', () => {
	const rows = [
		stream('bob', 1, 4),
		stream('alice', 9, 8),
		stream('alice', 9, 4),
		stream('alice', 2, 12),
	];
	assert.deepEqual(keys(sortStreams(rows)), ['2:12', '9:4', '9:8', '1:4']);
	assert.deepEqual(keys(sortStreams(rows, 'user', true)), [
		'1:4',
		'9:8',
		'9:4',
		'2:12',
	]);
});

test('sortStreams - by total rate with the server order on ties', () => {
	const rows = [
		stream('bob', 5, 4, {upRate: 5}),
		stream('alice', 3, 4),
		stream('alice', 2, 4, {downRate: 50}),
		stream('alice', 1, 4),
	];
	assert.deepEqual(keys(sortStreams(rows, 'rate', true)), [
		'2:4',
		'5:4',
		'1:4',
		'3:4',
	]);
	assert.deepEqual(keys(sortStreams(rows, 'rate', false)), [
		'1:4',
		'3:4',
		'5:4',
		'2:4',
	]);
});

test('sortStreams - unknown lifetime sorts last', () => {
	const rows = [
		stream('a', 1, 4, {lifetimeMs: undefined}),
		stream('a', 1, 8, {lifetimeMs: 5}),
		stream('a', 1, 12, {lifetimeMs: 50}),
	];
	assert.deepEqual(keys(sortStreams(rows, 'lifetime', true)), [
		'1:12',
		'1:8',
		'1:4',
	]);
	assert.deepEqual(keys(sortStreams(rows, 'lifetime', false)), [
		'1:8',
		'1:12',
		'1:4',
	]);
});

test('sortStreams - by state in the order of a stream life', () => {
	const rows = [
		stream('a', 1, 4, {state: 'estab'}),
		stream('a', 1, 8, {state: 'init'}),
		stream('a', 1, 12, {state: 'connect'}),
	];
	assert.deepEqual(keys(sortStreams(rows, 'state', false)), [
		'1:8',
		'1:12',
		'1:4',
	]);
});

test('first in order - gives exactly the first rows of a full sort', () => {
	let seed = 7;
	const random = () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};

	const values = Array.from({length: 5000}, () => Math.floor(random() * 1000));
	const compare = (a: number, b: number) => a - b;
	assert.deepEqual(
		firstInOrder(values, compare, 37),
		[...values].sort(compare).slice(0, 37),
	);
	assert.deepEqual(firstInOrder(values, compare, 10_000), [...values].sort(compare));
});

test('users sort - nearly equal rates keep the order they had', () => {
	// 1100 and 1200 B/s fall in the same 25% step.
	const alice = user('alice', {upRate: 1100, downRate: 0});
	const bob = user('bob', {upRate: 1200, downRate: 0});
	const previous = new Map([
		['alice', 0],
		['bob', 1],
	]);
	assert.deepEqual(
		sortUsers([bob, alice], 'rate', true, previous).map(row => row.id),
		['alice', 'bob'],
	);
	const carol = user('carol', {upRate: 5000, downRate: 0});
	assert.deepEqual(
		sortUsers([alice, bob, carol], 'rate', true, previous).map(row => row.id),
		['carol', 'alice', 'bob'],
	);
});
