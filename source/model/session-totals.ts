import type {Traffic} from '../api/types.js';
import {isTrafficReset} from './traffic-reset.js';

const noTraffic: Traffic = new Map();

/**
Bytes counted since a cumulative counter was last seen. A counter that fell
was reset (a clear or a restart) and has counted from zero since, so its
whole value is new; one never seen before has also counted from zero.
*/
export const counterDelta = (
	previous: number | undefined,
	current: number,
): number => {
	if (previous === undefined || current < previous) {
		return current;
	}

	return current - previous;
};

export type ByteTotals = {readonly up: number; readonly down: number};

/**
hytop's own totals per user, since it started or since the operator reset
them with `z`. They survive counter resets made by anyone: the bytes before
a reset are kept.
*/
export type SessionTotals = {
	readonly users: ReadonlyMap<string, ByteTotals>;
	/** The last counters seen from each server, to take deltas from. */
	readonly lastSeen: ReadonlyMap<string, Traffic>;
};

export const emptySessionTotals: SessionTotals = {
	users: new Map(),
	lastSeen: new Map(),
};

/**
Adds what one server counted since its previous answer. The first answer
from a server only sets the baseline: those bytes predate the session.
*/
export const addTrafficToSession = (
	session: SessionTotals,
	server: string,
	traffic: Traffic,
): SessionTotals => {
	const previous = session.lastSeen.get(server);
	const lastSeen = new Map(session.lastSeen).set(server, traffic);
	if (previous === undefined) {
		return {users: session.users, lastSeen};
	}

	// After a reset every counter started again from zero, even one that
	// now stands higher than before it.
	const baseline = isTrafficReset(previous, traffic) ? noTraffic : previous;
	const users = new Map(session.users);
	for (const [id, counter] of traffic) {
		const before = baseline.get(id);
		const up = counterDelta(before?.tx, counter.tx);
		const down = counterDelta(before?.rx, counter.rx);
		if (up === 0 && down === 0) {
			continue;
		}

		const total = users.get(id);
		users.set(id, {
			up: (total?.up ?? 0) + up,
			down: (total?.down ?? 0) + down,
		});
	}

	return {users, lastSeen};
};

/** Zeroes the session totals; the next answers count from here. */
export const resetSessionTotals = (session: SessionTotals): SessionTotals => ({
	users: new Map(),
	lastSeen: session.lastSeen,
});
