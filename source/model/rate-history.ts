/** One sample a second: a minute of history. */
export const historyLength = 60;

/** Total (up + down) rate per user and up/down for the whole server. */
export type RateHistory = {
	readonly users: ReadonlyMap<string, readonly number[]>;
	readonly up: readonly number[];
	readonly down: readonly number[];
	/** Samples taken since the history started: the graphs' clock. */
	readonly sampleCount: number;
};

export const emptyRateHistory: RateHistory = {
	users: new Map(),
	up: [],
	down: [],
	sampleCount: 0,
};

const pushCapped = (
	samples: readonly number[] | undefined,
	value: number,
): number[] => {
	const next = samples ? samples.slice(-(historyLength - 1)) : [];
	next.push(value);
	return next;
};

export type RateSample = {
	readonly id: string;
	readonly upRate: number;
	readonly downRate: number;
};

/**
Appends this second's rates. Users missing from `users` are dropped from
the history, so it never outgrows the set of users on screen.
*/
export const pushRateHistory = (
	history: RateHistory,
	users: readonly RateSample[],
	total: {readonly upRate: number; readonly downRate: number},
): RateHistory => {
	const next = new Map<string, number[]>();
	for (const user of users) {
		next.set(
			user.id,
			pushCapped(history.users.get(user.id), user.upRate + user.downRate),
		);
	}

	return {
		users: next,
		up: pushCapped(history.up, total.upRate),
		down: pushCapped(history.down, total.downRate),
		sampleCount: history.sampleCount + 1,
	};
};
