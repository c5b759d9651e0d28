import type {StreamState} from '../api/types.js';
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

export type Compare<Row> = (a: Row, b: Row) => number;

// Ids and addresses are ordered by UTF-16 code units, not by locale: the
// order must not change with the machine's language settings.
const compareText = (a: string, b: string): number =>
	a < b ? -1 : a > b ? 1 : 0;

const compareNumbers = (a: number, b: number): number => a - b;

/** Undefined sorts last whatever the direction: it is a missing value. */
const withMissingLast =
	<Row>(
		value: (row: Row) => number | undefined,
		isDescending: boolean,
	): Compare<Row> =>
	(a, b) => {
		const left = value(a);
		const right = value(b);
		if (left === undefined || right === undefined) {
			return (left === undefined ? 1 : 0) - (right === undefined ? 1 : 0);
		}

		return isDescending ? right - left : left - right;
	};

/**
Rates are compared in steps of 25% (a log scale): rates in one step sort as
equal and keep the order they had. Otherwise rows swap places every second
over noise, which is hard to read and redraws half the screen.
*/
const rateStep = Math.log(1.25);
const steadyRate = (bytesPerSecond: number): number =>
	bytesPerSecond > 0 ? Math.floor(Math.log(bytesPerSecond) / rateStep) : -1e9;

/** Where each row stood in the previous sort, by its key. */
export type PreviousOrder = ReadonlyMap<string, number>;

const comparePrevious = (
	previous: PreviousOrder | undefined,
	a: string,
	b: string,
): number => {
	if (previous === undefined) {
		return 0;
	}

	const left = previous.get(a) ?? Number.POSITIVE_INFINITY;
	const right = previous.get(b) ?? Number.POSITIVE_INFINITY;
	return left === right ? 0 : left < right ? -1 : 1;
};

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

/**
A row comparator made once per key and direction, told the previous order
just before each sort. Comparators made anew for every sort are optimised
anew after every full collection, which at one sort a second costs more
than the sorting.
*/
type Sorter<Row> = {
	previous: PreviousOrder | undefined;
	readonly compare: Compare<Row>;
	readonly compareKey: Compare<Row>;
};

const makeSorter = <Row>(
	compareKey: Compare<Row>,
	keyOf: (row: Row) => string,
	compareTies: Compare<Row>,
): Sorter<Row> => {
	const sorter: Sorter<Row> = {
		previous: undefined,
		compareKey,
		compare: (a, b) =>
			compareKey(a, b) ||
			comparePrevious(sorter.previous, keyOf(a), keyOf(b)) ||
			compareTies(a, b),
	};
	return sorter;
};

/** Runs `sort` with the sorter told `previous`, and forgets it after. */
const sortWith = <Row, Result>(
	sorter: Sorter<Row>,
	previous: PreviousOrder | undefined,
	sort: (compare: Compare<Row>) => Result,
): Result => {
	sorter.previous = previous;
	try {
		return sort(sorter.compare);
	} finally {
		sorter.previous = undefined;
	}
};

export const userIdOf = (row: UserRow): string => row.id;
const userSorters = new Map<string, Sorter<UserRow>>();

/** The sorter for a key and direction, made on first use. */
const sorterFor = <Row, Key extends string>(
	sorters: Map<string, Sorter<Row>>,
	key: Key,
	isDescending: boolean,
	make: (key: Key, isDescending: boolean) => Sorter<Row>,
): Sorter<Row> => {
	const name = `${key} ${isDescending}`;
	let sorter = sorters.get(name);
	if (sorter === undefined) {
		sorter = make(key, isDescending);
		sorters.set(name, sorter);
	}

	return sorter;
};

const makeUserSorter = (key: UserSortKey, isDescending: boolean) => {
	const direction = isDescending ? -1 : 1;
	const compareKey: Compare<UserRow> =
		key === 'id'
			? (a, b) => direction * compareText(a.id, b.id)
			: withMissingLast(userValues[key], isDescending);
	return makeSorter(compareKey, userIdOf, compareUserTies);
};

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
): UserRow[] =>
	sortWith(
		sorterFor(userSorters, key, isDescending, makeUserSorter),
		previous,
		compare => [...rows].sort(compare),
	);

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
	const direction = isDescending ? -1 : 1;
	let compareKey: Compare<StreamRow>;
	if (key === 'user') {
		compareKey = (a, b) => direction * compareStreamPlaces(a, b);
	} else if (key === 'state') {
		compareKey = (a, b) =>
			direction * (stateOrder[a.state] - stateOrder[b.state]);
	} else {
		compareKey = withMissingLast(streamValues[key], isDescending);
	}

	return makeSorter(compareKey, streamKeyOf, compareStreamPlaces);
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
	const {compareKey} = streamSorter(key, isDescending);
	return (a, b) =>
		compareKey(a, b) ||
		comparePrevious(previous, a.key, b.key) ||
		compareStreamPlaces(a, b);
};

/**
The first `limit` rows in `compare`'s order, without sorting the rest: one
comparison for most rows when only a screenful of 100,000 is shown.
*/
export const firstInOrder = <Row>(
	rows: readonly Row[],
	compare: Compare<Row>,
	limit: number,
): Row[] => {
	if (limit >= rows.length) {
		return [...rows].sort(compare);
	}

	const best: Row[] = [];
	for (const row of rows) {
		const last = best.at(-1);
		if (best.length === limit && last !== undefined && compare(row, last) >= 0) {
			continue;
		}

		let low = 0;
		let high = best.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (compare(best[middle]!, row) <= 0) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		best.splice(low, 0, row);
		if (best.length > limit) {
			best.pop();
		}
	}

	return best;
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
): Row[] =>
	sortWith(streamSorter(key, isDescending), previous, compare =>
		firstInOrder<Row>(rows, compare, limit),
	);

/** Where each row stands, by its key: the next sort's previous order. */
export const orderOf = <Row>(
	rows: readonly Row[],
	keyOf: (row: Row) => string,
): PreviousOrder => {
	const order = new Map<string, number>();
	for (let index = 0; index < rows.length; index++) {
		order.set(keyOf(rows[index]!), index);
	}

	return order;
};

/** The index of the row with `key`, or -1. */
export const indexOfKey = <Row>(
	rows: readonly Row[],
	keyOf: (row: Row) => string,
	key: string | undefined,
): number => {
	for (let index = 0; index < rows.length; index++) {
		if (keyOf(rows[index]!) === key) {
			return index;
		}
	}

	return -1;
};
