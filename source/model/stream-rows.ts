import type {StreamEntry} from '../api/types.js';
import type {StreamRow} from './types.js';

/** The rows of the latest /dump/streams answer, kept for the next rates. */
export type StreamSnapshot = {
	readonly rows: readonly StreamRow[];
	/** Whether `rows` is in the server's order: user, connection, stream. */
	readonly isOrdered: boolean;
	/** Local time the answer arrived. */
	readonly atMs: number;
};

export type StreamRows = {
	/** In the server's order. */
	readonly rows: readonly StreamRow[];
	/** Streams not in the `closed` state. */
	readonly activeCount: number;
	readonly snapshot: StreamSnapshot;
};

/**
Server timestamps before this (2000-01-01) are not real times: Go's zero
time (year 1) is what a stream that never set one reports.
*/
export const earliestServerTimeMs = Date.UTC(2000, 0, 1);

export const streamKey = (connection: number, stream: number): string =>
	`${connection}:${stream}`;

/**
Milliseconds from a server timestamp to the local arrival time; undefined
for missing or unreal timestamps, 0 when the server's clock runs ahead.
*/
const elapsedSince = (
	atMs: number,
	serverMs: number | undefined,
): number | undefined => {
	if (serverMs === undefined || !(serverMs >= earliestServerTimeMs)) {
		return undefined;
	}

	// Whole milliseconds: V8 keeps small integers inside the row, while a
	// fraction costs a boxed number each, at 100k rows megabytes.
	const elapsedMs = Math.round(atMs - serverMs);
	return elapsedMs > 0 ? elapsedMs : 0;
};

/** Whole bytes a second, for the same reason as whole milliseconds. */
const perSecond = (bytes: number, elapsedMs: number): number => {
	const rate = Math.round((bytes * 1000) / elapsedMs);
	return Number.isFinite(rate) ? rate : 0;
};

type Place = {
	readonly connection: number;
	readonly stream: number;
};

/** Order of the dump: by user, then connection, then stream. */
const comparePlaces = (
	aUser: string,
	a: Place,
	bUser: string,
	b: Place,
): number => {
	if (aUser !== bUser) {
		return aUser < bUser ? -1 : 1;
	}

	return a.connection - b.connection || a.stream - b.stream;
};

/**
Finds each entry's row in the previous answer. The server sends entries in
order, so a walk along both lists finds them without hashing 100k keys; an
answer out of order (or a previous one) falls back to a map of the keys.
*/
const createPreviousFinder = (previous: StreamSnapshot | undefined) => {
	const rows = previous?.rows ?? [];
	let isWalking = previous?.isOrdered ?? false;
	let byKey: Map<string, StreamRow> | undefined;
	let next = 0;

	const walk = (entry: StreamEntry): StreamRow | undefined => {
		while (
			next < rows.length &&
			comparePlaces(rows[next]!.user, rows[next]!, entry.auth, entry) < 0
		) {
			next++;
		}

		const row = rows[next];
		return row !== undefined &&
			row.connection === entry.connection &&
			row.stream === entry.stream
			? row
			: undefined;
	};

	const lookUp = (entry: StreamEntry): StreamRow | undefined => {
		if (byKey === undefined) {
			byKey = new Map();
			for (const row of rows) {
				byKey.set(row.key, row);
			}
		}

		return byKey.get(streamKey(entry.connection, entry.stream));
	};

	return {
		find: (entry: StreamEntry): StreamRow | undefined =>
			isWalking ? walk(entry) : lookUp(entry),
		/** Called when the entries turn out not to be in order. */
		stopWalking(): void {
			isWalking = false;
		},
	};
};

/**
Rows with one key would make the selection stick: later ones get a suffix.
*/
const makeKeysUnique = (rows: StreamRow[]): void => {
	const seen = new Set<string>();
	for (const [index, row] of rows.entries()) {
		let {key} = row;
		for (let copy = 2; seen.has(key); copy++) {
			key = `${row.key}#${copy}`;
		}

		seen.add(key);
		if (key !== row.key) {
			rows[index] = {...row, key};
		}
	}
};

/**
Rows for one /dump/streams answer. Rates come from the same stream in the
previous snapshot; a new stream, a stream whose counters fell, or a key now
used by another user (the server restarted) starts at 0. Runs for every
answer on servers with 100k streams, so it makes one pass and, for answers
in the server's usual order, no map.
*/
export const buildStreamRows = (
	entries: readonly StreamEntry[],
	atMs: number,
	previous: StreamSnapshot | undefined,
): StreamRows => {
	const rows: StreamRow[] = new Array<StreamRow>(entries.length);
	const elapsedMs = previous === undefined ? 0 : atMs - previous.atMs;
	const hasBaseline = elapsedMs > 0;
	const previousRows = createPreviousFinder(hasBaseline ? previous : undefined);
	let isOrdered = true;
	let activeCount = 0;
	// In the server's order a key can still come twice: the devices of two
	// users whose connections got the same id. Each connection's first user
	// is remembered to notice that.
	const connectionUsers = new Map<number, string>();
	let isKeyShared = false;

	for (let index = 0; index < entries.length; index++) {
		const entry = entries[index]!;
		const last = entries[index - 1];
		if (
			isOrdered &&
			last !== undefined &&
			comparePlaces(last.auth, last, entry.auth, entry) >= 0
		) {
			isOrdered = false;
			previousRows.stopWalking();
		}

		// The streams of a connection come together: one look per connection.
		if (
			isOrdered &&
			!isKeyShared &&
			(last === undefined ||
				last.connection !== entry.connection ||
				last.auth !== entry.auth)
		) {
			const user = connectionUsers.get(entry.connection);
			if (user === undefined) {
				connectionUsers.set(entry.connection, entry.auth);
			} else if (user !== entry.auth) {
				isKeyShared = true;
			}
		}

		const before = previousRows.find(entry);
		// The same stream of the same user (the users are compared once:
		// equal strings from two answers are compared letter by letter).
		const same =
			before !== undefined && before.user === entry.auth ? before : undefined;
		const isContinued =
			same !== undefined && entry.tx >= same.up && entry.rx >= same.down;

		// A stream seen before keeps the strings of its previous row, so a
		// dump's copies of them can go: at 100k streams, megabytes a dump.
		rows[index] = {
			key: before?.key ?? streamKey(entry.connection, entry.stream),
			user: same?.user ?? entry.auth,
			state: entry.state,
			connection: entry.connection,
			stream: entry.stream,
			reqAddr:
				same?.reqAddr === entry.reqAddr ? same.reqAddr : entry.reqAddr,
			hookedReqAddr:
				same?.hookedReqAddr === entry.hookedReqAddr
					? same.hookedReqAddr
					: entry.hookedReqAddr,
			upRate: isContinued ? perSecond(entry.tx - same.up, elapsedMs) : 0,
			downRate: isContinued ? perSecond(entry.rx - same.down, elapsedMs) : 0,
			up: entry.tx,
			down: entry.rx,
			lifetimeMs: elapsedSince(atMs, entry.initialAtMs),
			idleMs: elapsedSince(atMs, entry.lastActiveAtMs),
		};
		if (entry.state !== 'closed') {
			activeCount++;
		}
	}

	if (!isOrdered || isKeyShared) {
		makeKeysUnique(rows);
	}

	return {rows, activeCount, snapshot: {rows, isOrdered, atMs}};
};
