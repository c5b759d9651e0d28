import type {Online, Traffic} from '../api/types.js';
import type {UserRow} from './types.js';
import type {UserRate} from './user-rates.js';

/** How long a user stays marked as joined or left. */
export const CHANGE_VISIBLE_MS = 5000;

export type UserChange = {
	readonly change: 'joined' | 'left';
	/** Local time the change was seen. */
	readonly atMs: number;
};

export type UserChanges = ReadonlyMap<string, UserChange>;

export const noUserChanges: UserChanges = new Map();

const isOnline = (online: Online | undefined, id: string): boolean =>
	(online?.get(id) ?? 0) > 0;

/**
Marks users online now but not before as joined, and the reverse as left.
Without an earlier answer nothing is marked: at start-up nobody joined.
Returns `changes` itself when nothing changed.
*/
export const markOnlineChanges = (
	changes: UserChanges,
	before: Online | undefined,
	after: Online,
	atMs: number,
): UserChanges => {
	if (before === undefined) {
		return changes;
	}

	let marked: Map<string, UserChange> | undefined;
	const mark = (id: string, change: UserChange['change']): void => {
		marked ??= new Map(changes);
		marked.set(id, {change, atMs});
	};

	for (const [id, devices] of after) {
		if (devices > 0 && !isOnline(before, id)) {
			mark(id, 'joined');
		}
	}

	for (const [id, devices] of before) {
		if (devices > 0 && !isOnline(after, id)) {
			mark(id, 'left');
		}
	}

	return marked ?? changes;
};

/**
Marks users of a /traffic answer never seen before (in /traffic or /online)
as joined; this is how arrivals show on servers without /online. `seenIds`
rather than the previous answer decides, as users reappear after every clear.
Without any earlier answer nothing is marked.
*/
export const markTrafficArrivals = (
	changes: UserChanges,
	seenIds: ReadonlySet<string>,
	hasEarlierAnswer: boolean,
	traffic: Traffic,
	atMs: number,
): UserChanges => {
	if (!hasEarlierAnswer) {
		return changes;
	}

	let marked: Map<string, UserChange> | undefined;
	for (const id of traffic.keys()) {
		if (!seenIds.has(id)) {
			marked ??= new Map(changes);
			marked.set(id, {change: 'joined', atMs});
		}
	}

	return marked ?? changes;
};

/** `seenIds` with the ids of `ids` added; itself when none are new. */
export const addSeenIds = (
	seenIds: ReadonlySet<string>,
	ids: Iterable<string>,
): ReadonlySet<string> => {
	let added: Set<string> | undefined;
	for (const id of ids) {
		if (!seenIds.has(id)) {
			added ??= new Set(seenIds);
			added.add(id);
		}
	}

	return added ?? seenIds;
};

/** Drops marks older than CHANGE_VISIBLE_MS; `changes` itself if none. */
export const expireUserChanges = (
	changes: UserChanges,
	nowMs: number,
): UserChanges => {
	let kept: Map<string, UserChange> | undefined;
	for (const [id, {atMs}] of changes) {
		if (nowMs - atMs >= CHANGE_VISIBLE_MS) {
			kept ??= new Map(changes);
			kept.delete(id);
		}
	}

	return kept ?? changes;
};

export type UserRowsInput = {
	/** Undefined before the first /traffic answer. */
	readonly traffic: Traffic | undefined;
	readonly rates: ReadonlyMap<string, UserRate>;
	/** Undefined when the server has no /online or has not answered. */
	readonly online: Online | undefined;
	readonly changes: UserChanges;
};

/**
One row per user in /traffic or /online, and per user marked as left that
is in neither (kept until the mark expires). Unsorted.
*/
export const buildUserRows = ({
	traffic,
	rates,
	online,
	changes,
}: UserRowsInput): UserRow[] => {
	const rows: UserRow[] = [];
	const row = (id: string, up: number, down: number): UserRow => {
		const rate = rates.get(id);
		const devices = online === undefined ? undefined : online.get(id) ?? 0;
		let presence: UserRow['presence'] = 'unknown';
		if (devices !== undefined) {
			presence = devices > 0 ? 'online' : 'offline';
		}

		return {
			id,
			upRate: rate?.upRate ?? 0,
			downRate: rate?.downRate ?? 0,
			up,
			down,
			devices,
			presence,
			change: changes.get(id)?.change,
		};
	};

	if (traffic !== undefined) {
		for (const [id, counter] of traffic) {
			rows.push(row(id, counter.tx, counter.rx));
		}
	}

	if (online !== undefined) {
		for (const id of online.keys()) {
			if (!traffic?.has(id)) {
				rows.push(row(id, 0, 0));
			}
		}
	}

	for (const [id, {change}] of changes) {
		if (change === 'left' && !traffic?.has(id) && !online?.has(id)) {
			rows.push(row(id, 0, 0));
		}
	}

	return rows;
};
