import type {StreamState} from '../api/types.js';
import {
	type Compare,
	compareNumbers,
	compareText,
	directed,
	firstInOrder,
	makeSorter,
	noValue,
	type PreviousOrder,
	ranked,
	rankAll,
	rowsOf,
	type Sorter,
	sorterFor,
} from './sorter.js';
import type {StreamRow, UserRow} from './types.js';

export type UserSortKey =
	| 'rate'
	| 'up-rate'
	| 'down-rate'
	| 'up'
	| 'down'
	| 'total'
	| 'devices'
	| 'id';

export type StreamSortKey =
	| 'user'
	| 'rate'
	| 'up-rate'
	| 'down-rate'
	| 'up'
	| 'down'
	| 'lifetime'
	| 'idle'
	| 'state';

/**
Rates are compared in steps of 25% (a log scale): rates in one step sort as
equal and keep the order they had. Otherwise rows swap places every second
over noise, which is hard to read and redraws half the screen.
*/
const rateStep = Math.log(1.25);
const steadyRate = (bytesPerSecond: number): number =>
	bytesPerSecond > 0 ? Math.floor(Math.log(bytesPerSecond) / rateStep) : -1e9;

const userValues: Readonly<
	Record<Exclude<UserSortKey, 'id'>, (row: UserRow) => number | undefined>
> = {
	rate: row => steadyRate(row.upRate + row.downRate),
	'up-rate': row => steadyRate(row.upRate),
	'down-rate': row => steadyRate(row.downRate),
	up: row => row.up,
	down: row => row.down,
	total: row => row.up + row.down,
	devices: row => row.devices,
};

// Ties, whatever the key: busiest first, then most bytes, then by id.
const compareUserTies: Compare<UserRow> = (a, b) =>
	compareNumbers(b.upRate + b.downRate, a.upRate + a.downRate) ||
	compareNumbers(b.up + b.down, a.up + a.down) ||
	compareText(a.id, b.id);

export const userIdOf = (row: UserRow): string => row.id;
const userSorters = new Map<string, Sorter<UserRow>>();

const makeUserSorter = (key: UserSortKey, isDescending: boolean) =>
	makeSorter<UserRow>(
		key === 'id'
			? {
					valueOf: noValue,
					compareText: isDescending
						? (a, b) => compareText(b.id, a.id)
						: (a, b) => compareText(a.id, b.id),
					keyOf: userIdOf,
					compareTies: compareUserTies,
				}
			: {
					valueOf: directed(userValues[key], isDescending),
					keyOf: userIdOf,
					compareTies: compareUserTies,
				},
	);

/**
Users sorted by `key` (default: total rate, busiest first), ties broken by
the previous order when given, then total rate, total bytes and id. Returns
a new array.
*/
export const sortUsers = (
	rows: readonly UserRow[],
	key: UserSortKey = 'rate',
	isDescending = true,
	previous?: PreviousOrder,
): UserRow[] => {
	const sorter = sorterFor(userSorters, key, isDescending, makeUserSorter);
	return rowsOf(rankAll(sorter, rows, previous).sort(sorter.compare));
};

const streamValues: Readonly<
	Record<
		Exclude<StreamSortKey, 'user' | 'state'>,
		(row: StreamRow) => number | undefined
	>
> = {
	rate: row => steadyRate(row.upRate + row.downRate),
	'up-rate': row => steadyRate(row.upRate),
	'down-rate': row => steadyRate(row.downRate),
	up: row => row.up,
	down: row => row.down,
	lifetime: row => row.lifetimeMs,
	idle: row => row.idleMs,
};

// A stream's life in order, so that sorting by state groups early stages.
const stateOrder: Readonly<Record<StreamState, number>> = {
	init: 0,
	hook: 1,
	connect: 2,
	estab: 3,
	closed: 4,
	unknown: 5,
};

// The server's own order, and the tie-breaker for every key.
const compareStreamPlaces: Compare<StreamRow> = (a, b) =>
	compareText(a.user, b.user) ||
	compareNumbers(a.connection, b.connection) ||
	compareNumbers(a.stream, b.stream);

export const streamKeyOf = (row: StreamRow): string => row.key;
const streamSorters = new Map<string, Sorter<StreamRow>>();

const makeStreamSorter = (key: StreamSortKey, isDescending: boolean) => {
	if (key === 'user') {
		return makeSorter<StreamRow>({
			valueOf: noValue,
			compareText: isDescending
				? (a, b) => compareStreamPlaces(b, a)
				: compareStreamPlaces,
			keyOf: streamKeyOf,
			compareTies: compareStreamPlaces,
		});
	}

	return makeSorter<StreamRow>({
		valueOf: directed(
			key === 'state' ? row => stateOrder[row.state] : streamValues[key],
			isDescending,
		),
		keyOf: streamKeyOf,
		compareTies: compareStreamPlaces,
	});
};

const streamSorter = (key: StreamSortKey, isDescending: boolean) =>
	sorterFor(streamSorters, key, isDescending, makeStreamSorter);

/**
How two streams compare under `key`: `user` is the server's order (user,
connection, stream), which also breaks every other key's ties.
*/
export const compareStreams = (
	key: StreamSortKey = 'user',
	isDescending = false,
	previous?: PreviousOrder,
): Compare<StreamRow> => {
	const sorter = streamSorter(key, isDescending);
	return (a, b) =>
		sorter.compare(ranked(sorter, a, previous), ranked(sorter, b, previous));
};

/**
Streams sorted by `key` (see `compareStreams`); with `limit`, only the
first that many. Returns a new array.
*/
export const sortStreams = <Row extends StreamRow>(
	rows: readonly Row[],
	key: StreamSortKey = 'user',
	isDescending = false,
	limit = Number.POSITIVE_INFINITY,
	previous?: PreviousOrder,
): Row[] => {
	const sorter = streamSorter(key, isDescending) as Sorter<Row>;
	return firstInOrder(sorter, rows, previous, limit);
};
