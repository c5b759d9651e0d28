// How rows are put in order, whatever they are: a sorter reads each row's
// key as a number once per sort, breaks ties by text, then by the order last
// shown, then by its own rule; and the first rows of a long list are picked
// without sorting the rest. The keys of users and streams are in sort-rows.

import {nthSmallest} from './nth-smallest.js';

export type Compare<Row> = (a: Row, b: Row) => number;

// Ids and addresses are ordered by UTF-16 code units, not by locale: the
// order must not change with the machine's language settings.
export const compareText = (a: string, b: string): number =>
	a < b ? -1 : a > b ? 1 : 0;

export const compareNumbers = (a: number, b: number): number => a - b;

/** Where each row stood in the previous sort, by its key. */
export type PreviousOrder = ReadonlyMap<string, number>;

/**
A row with the numbers its sort compares, worked out once per sort: read at
every comparison instead, a rate's step costs a logarithm and a previous
place a map lookup, some twenty times per row.
*/
export type Ranked<Row> = {
	readonly row: Row;
	/** The sort key as a number, smallest first; Infinity when missing. */
	readonly value: number;
	/** Where the row stood in the previous order; Infinity if new. */
	readonly place: number;
};

/**
How one key and direction order rows: first by `valueOf`, then (for keys
shown as text) by `compareText`, then by the previous order, then by
`compareTies`. Made once per key and direction: comparators made anew for
every sort are optimised anew after every full collection, which at one
sort a second costs more than the sorting.
*/
export type Sorter<Row> = {
	/** The key as a number, smallest first, undefined when missing. */
	readonly valueOf: (row: Row) => number | undefined;
	readonly keyOf: (row: Row) => string;
	/** Whether rows of one value are ordered by text before their places. */
	readonly comparesText: boolean;
	readonly compare: Compare<Ranked<Row>>;
};

export const makeSorter = <Row>({
	valueOf,
	compareText,
	keyOf,
	compareTies,
}: {
	valueOf: Sorter<Row>['valueOf'];
	compareText?: Compare<Row>;
	keyOf: Sorter<Row>['keyOf'];
	compareTies: Compare<Row>;
}): Sorter<Row> => ({
	valueOf,
	keyOf,
	comparesText: compareText !== undefined,
	// Infinity minus Infinity is NaN, which || passes over like 0: two
	// missing values, or two new rows, are equal here.
	compare: compareText
		? (a, b) =>
				a.value - b.value ||
				compareText(a.row, b.row) ||
				a.place - b.place ||
				compareTies(a.row, b.row)
		: (a, b) =>
				a.value - b.value || a.place - b.place || compareTies(a.row, b.row),
});

/** A row's key as a number; Infinity (last) when it has none. */
const valueOf = <Row>(sorter: Sorter<Row>, row: Row): number => {
	const value = sorter.valueOf(row);
	// NaN would compare as equal to every key.
	return value === undefined || Number.isNaN(value)
		? Number.POSITIVE_INFINITY
		: value;
};

const placeOf = <Row>(
	sorter: Sorter<Row>,
	row: Row,
	previous: PreviousOrder | undefined,
): number => previous?.get(sorter.keyOf(row)) ?? Number.POSITIVE_INFINITY;

export const ranked = <Row>(
	sorter: Sorter<Row>,
	row: Row,
	previous: PreviousOrder | undefined,
	value = valueOf(sorter, row),
	place = placeOf(sorter, row, previous),
): Ranked<Row> => ({row, value, place});

export const rankAll = <Row>(
	sorter: Sorter<Row>,
	rows: readonly Row[],
	previous: PreviousOrder | undefined,
): Array<Ranked<Row>> => {
	const all: Array<Ranked<Row>> = [];
	for (const row of rows) {
		all.push(ranked(sorter, row, previous));
	}

	return all;
};

export const rowsOf = <Row>(all: ReadonlyArray<Ranked<Row>>): Row[] => {
	const rows: Row[] = [];
	for (const {row} of all) {
		rows.push(row);
	}

	return rows;
};

/** A key's value in the sorted order: negated when descending. */
export const directed = <Row>(
	value: (row: Row) => number | undefined,
	isDescending: boolean,
): Sorter<Row>['valueOf'] =>
	isDescending
		? row => {
				const number = value(row);
				return number === undefined ? undefined : -number;
			}
		: value;

export const noValue = () => 0;

/** The sorter for a key and direction, made on first use. */
export const sorterFor = <Row, Key extends string>(
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

// Room for the keys of the rows being sorted and for the search among them,
// kept from sort to sort: one array a second each would be made and freed
// outside the heap.
let keyValues = new Float64Array(0);
let selectValues = new Float64Array(0);

/**
The first `limit` rows in the sorter's order, without sorting the rest.
When they are a good part of all, a whole sort is quicker. Otherwise every
row's key is read once and the `limit`-th smallest key found among those
numbers alone; a row whose key is past it is passed over unranked, which is
most rows when a screenful of 100,000 is shown. The others are kept in
order as they come, a row that would come after the last kept passed over.
*/
export const firstInOrder = <Row>(
	sorter: Sorter<Row>,
	rows: readonly Row[],
	previous: PreviousOrder | undefined,
	limit: number,
): Row[] => {
	if (limit * 4 >= rows.length) {
		const sorted = rankAll(sorter, rows, previous).sort(sorter.compare);
		return rowsOf(limit < sorted.length ? sorted.slice(0, limit) : sorted);
	}

	if (keyValues.length < rows.length) {
		keyValues = new Float64Array(rows.length);
		selectValues = new Float64Array(rows.length);
	}

	const values = keyValues;
	for (let index = 0; index < rows.length; index++) {
		values[index] = valueOf(sorter, rows[index]!);
	}

	const threshold = nthSmallest(
		selectValues,
		values.subarray(0, rows.length),
		limit - 1,
	);
	const best: Array<Ranked<Row>> = [];
	for (let index = 0; index < rows.length; index++) {
		const value = values[index]!;
		if (value > threshold) {
			continue;
		}

		const row = rows[index]!;
		const place = placeOf(sorter, row, previous);
		const last = best.length === limit ? best[limit - 1] : undefined;
		// Of one value, a row that stood after the last kept stays after it:
		// on an idle server every rate is 0, and this is every row but a few.
		if (
			last !== undefined &&
			value === last.value &&
			!sorter.comparesText &&
			place > last.place
		) {
			continue;
		}

		const candidate = ranked(sorter, row, previous, value, place);
		if (last !== undefined && sorter.compare(candidate, last) >= 0) {
			continue;
		}

		let low = 0;
		let high = best.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (sorter.compare(best[middle]!, candidate) <= 0) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		best.splice(low, 0, candidate);
		if (best.length > limit) {
			best.pop();
		}
	}

	return rowsOf(best);
};

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
