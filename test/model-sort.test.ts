import assert from 'node:assert/strict';
import {test} from 'node:test';

import {
	sortStreams,
	type StreamSortKey,
	sortUsers,
	type UserSortKey,
} from '../source/model/sort-rows.js';
import type {PreviousOrder} from '../source/model/sorter.js';
import type {StreamRow, UserRow} from '../source/model/types.js';
import {seededRandom} from './helpers/seeded-random.js';

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

// The orders as the help screen states them, compared the plain way, row by
// row: the sorts work their keys out once per row, and must agree.
const rateStep = (rate: number) =>
	rate > 0 ? Math.floor(Math.log(rate) / Math.log(1.25)) : -1e9;

const plainOrder =
	<Row>(
		value: (row: Row) => number | string | undefined,
		isDescending: boolean,
		keyOf: (row: Row) => string,
		previous: PreviousOrder | undefined,
		ties: (a: Row, b: Row) => number,
	) =>
	(a: Row, b: Row): number => {
		const left = value(a);
		const right = value(b);
		if (left === undefined || right === undefined) {
			if (left !== right) {
				return left === undefined ? 1 : -1;
			}
		} else if (left !== right) {
			return (left < right ? -1 : 1) * (isDescending ? -1 : 1);
		}

		const placeA = previous?.get(keyOf(a)) ?? Number.POSITIVE_INFINITY;
		const placeB = previous?.get(keyOf(b)) ?? Number.POSITIVE_INFINITY;
		if (previous !== undefined && placeA !== placeB) {
			return placeA < placeB ? -1 : 1;
		}

		return ties(a, b);
	};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type Random = () => number;

const maybe = (random: Random, value: number) =>
	random() < 0.1 ? undefined : value;

const randomPrevious = (random: Random, keys: readonly string[]) =>
	random() < 0.2
		? undefined
		: new Map(
				keys
					.filter(() => random() < 0.7)
					.map(key => [key, Math.floor(random() * keys.length)] as const),
			);

test('sortStreams - agrees with a plain row-by-row comparison', () => {
	const random = seededRandom(11).next;
	const states = ['init', 'hook', 'connect', 'estab', 'closed'] as const;
	const streamValue: Record<
		StreamSortKey,
		(row: StreamRow) => number | string | undefined
	> = {
		user: () => 0,
		rate: row => rateStep(row.upRate + row.downRate),
		'up-rate': row => rateStep(row.upRate),
		'down-rate': row => rateStep(row.downRate),
		up: row => row.up,
		down: row => row.down,
		lifetime: row => row.lifetimeMs,
		idle: row => row.idleMs,
		state: row => states.indexOf(row.state as (typeof states)[number]),
	};
	const places = (a: StreamRow, b: StreamRow) =>
		byText(a.user, b.user) ||
		a.connection - b.connection ||
		a.stream - b.stream;
	for (let round = 0; round < 40; round++) {
		const rows = Array.from({length: 200}, (_, index) =>
			stream(`u${Math.floor(random() * 9)}`, Math.floor(random() * 30), index, {
				state: states[Math.floor(random() * states.length)]!,
				upRate: Math.floor(random() * 3000),
				downRate: random() < 0.3 ? 0 : Math.floor(random() * 3000),
				up: Math.floor(random() * 20),
				down: Math.floor(random() * 20),
				lifetimeMs: maybe(random, Math.floor(random() * 10)),
				idleMs: maybe(random, Math.floor(random() * 10)),
			}),
		);
		const previous = randomPrevious(random, keys(rows));
		for (const key of Object.keys(streamValue) as StreamSortKey[]) {
			for (const isDescending of [false, true]) {
				const plain = plainOrder(
					streamValue[key],
					isDescending,
					(row: StreamRow) => row.key,
					previous,
					places,
				);
				const reference =
					key === 'user'
						? (a: StreamRow, b: StreamRow) =>
								isDescending ? places(b, a) : places(a, b)
						: plain;
				const expected = keys([...rows].sort(reference));
				for (const limit of [1, 7, 49, 50, 60, Number.POSITIVE_INFINITY]) {
					assert.deepEqual(
						keys(sortStreams(rows, key, isDescending, limit, previous)),
						expected.slice(0, limit),
						`${key} ${isDescending ? 'descending' : 'ascending'} ${limit}`,
					);
				}
			}
		}
	}
});

test('sortUsers - agrees with a plain row-by-row comparison', () => {
	const random = seededRandom(5).next;
	const userValue: Record<
		UserSortKey,
		(row: UserRow) => number | string | undefined
	> = {
		rate: row => rateStep(row.upRate + row.downRate),
		'up-rate': row => rateStep(row.upRate),
		'down-rate': row => rateStep(row.downRate),
		up: row => row.up,
		down: row => row.down,
		total: row => row.up + row.down,
		devices: row => row.devices,
		id: row => row.id,
	};
	const ties = (a: UserRow, b: UserRow) =>
		b.upRate + b.downRate - (a.upRate + a.downRate) ||
		b.up + b.down - (a.up + a.down) ||
		byText(a.id, b.id);
	for (let round = 0; round < 40; round++) {
		const rows = Array.from({length: 120}, (_, index) =>
			user(`user-${index}`, {
				upRate: Math.floor(random() * 3000),
				downRate: random() < 0.3 ? 0 : Math.floor(random() * 3000),
				up: Math.floor(random() * 20),
				down: Math.floor(random() * 20),
				devices: maybe(random, Math.floor(random() * 4)),
			}),
		);
		const previous = randomPrevious(random, ids(rows));
		for (const key of Object.keys(userValue) as UserSortKey[]) {
			for (const isDescending of [false, true]) {
				const reference = plainOrder(
					userValue[key],
					isDescending,
					(row: UserRow) => row.id,
					previous,
					ties,
				);
				assert.deepEqual(
					ids(sortUsers(rows, key, isDescending, previous)),
					ids([...rows].sort(reference)),
					`${key} ${isDescending ? 'descending' : 'ascending'}`,
				);
			}
		}
	}
});
