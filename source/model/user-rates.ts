import type {Traffic} from '../api/types.js';

/** One /traffic answer and the local time it arrived. */
export type TrafficSample = {
	readonly data: Traffic;
	readonly atMs: number;
};

/** Bytes per second, in the model's directions (up is the API's tx). */
export type UserRate = {
	readonly upRate: number;
	readonly downRate: number;
};

export type UserRates = {
	/** Users of the newer sample; absent users have no rate. */
	readonly rates: ReadonlyMap<string, UserRate>;
	/** A counter fell or a user vanished: someone cleared, or a restart. */
	readonly isReset: boolean;
};

const zeroRate: UserRate = {upRate: 0, downRate: 0};

const perSecond = (bytes: number, elapsedMs: number): number => {
	const rate = (bytes * 1000) / elapsedMs;
	return Number.isFinite(rate) ? rate : 0;
};

/**
Rates between two successive /traffic samples over the real time between
them. A user's rate is 0 when either of its counters fell (a clear or a
restart: the new values are the next baseline) and when there is no earlier
sample or no time passed. A user new in the later sample started from
nothing after the earlier one, so all its bytes count towards its rate.
*/
export const computeUserRates = (
	previous: TrafficSample | undefined,
	current: TrafficSample,
): UserRates => {
	const rates = new Map<string, UserRate>();
	const elapsedMs =
		previous === undefined ? 0 : current.atMs - previous.atMs;
	const hasBaseline = previous !== undefined && elapsedMs > 0;
	let isReset = false;

	for (const [id, counter] of current.data) {
		const before = previous?.data.get(id);
		const upBefore = before?.tx ?? 0;
		const downBefore = before?.rx ?? 0;
		const hasFallen = counter.tx < upBefore || counter.rx < downBefore;
		if (hasFallen) {
			isReset = true;
		}

		if (!hasBaseline || hasFallen) {
			rates.set(id, zeroRate);
			continue;
		}

		rates.set(id, {
			upRate: perSecond(counter.tx - upBefore, elapsedMs),
			downRate: perSecond(counter.rx - downBefore, elapsedMs),
		});
	}

	// A user stays in /traffic until a clear empties the whole map, so one
	// that went missing is a clear too, even when no counter fell.
	if (!isReset && previous !== undefined) {
		for (const id of previous.data.keys()) {
			if (!current.data.has(id)) {
				isReset = true;
				break;
			}
		}
	}

	return {rates, isReset};
};
