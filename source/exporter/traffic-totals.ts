import type {Traffic} from '../api/types.js';
import {isTrafficReset} from '../model/traffic-reset.js';
import {
	createResetAwareCounter,
	type ResetAwareCounter,
} from './reset-aware-counter.js';

/** Bytes per user since the exporter started, across resets. */
export type UserTotals = {
	readonly up: number;
	readonly down: number;
};

export type TrafficTotals = {
	/** Takes one `/traffic` answer; returns true when it saw a reset. */
	observe(traffic: Traffic): boolean;
	totals(): ReadonlyMap<string, UserTotals>;
	/** How many resets were seen. */
	readonly resetCount: number;
};

type UserCounters = {
	readonly up: ResetAwareCounter;
	readonly down: ResetAwareCounter;
};

/**
Totals of one server's `/traffic` counters that survive clears and restarts.
A clear empties the server's whole map and a restart zeroes it, so one user
going down or missing means every user started again. That also catches a
user who moved more since the reset than before it, whose own counter alone
would look as if it had only grown.
*/
export const createTrafficTotals = (): TrafficTotals => {
	const users = new Map<string, UserCounters>();
	let previous: Traffic = new Map();
	let resetCount = 0;

	const countersOf = (userId: string): UserCounters => {
		let counters = users.get(userId);
		if (!counters) {
			counters = {
				up: createResetAwareCounter(),
				down: createResetAwareCounter(),
			};
			users.set(userId, counters);
		}

		return counters;
	};

	return {
		observe(traffic) {
			const isReset = isTrafficReset(previous, traffic);
			if (isReset) {
				resetCount++;
				for (const counters of users.values()) {
					counters.up.restart();
					counters.down.restart();
				}
			}

			for (const [userId, counter] of traffic) {
				const counters = countersOf(userId);
				counters.up.observe(counter.tx);
				counters.down.observe(counter.rx);
			}

			previous = traffic;

			return isReset;
		},

		totals() {
			const totals = new Map<string, UserTotals>();
			for (const [userId, counters] of users) {
				totals.set(userId, {
					up: counters.up.total,
					down: counters.down.total,
				});
			}

			return totals;
		},

		get resetCount() {
			return resetCount;
		},
	};
};
