import {setImmediate as nextTurn} from 'node:timers/promises';

import type {Clock} from '../../source/poller/poll-clock.js';

export type FakeClock = Clock & {
	/** Moves time forward, firing due timers in order. */
	advance(ms: number): Promise<void>;
	pendingTimerCount(): number;
};

/** Time that moves only when a test says, with the timers due by then. */
export const createFakeClock = (): FakeClock => {
	let nowMs = 0;
	let lastId = 0;
	const timers = new Map<number, {dueMs: number; callback: () => void}>();

	return {
		now: () => nowMs,
		setTimeout(callback, ms) {
			lastId++;
			timers.set(lastId, {dueMs: nowMs + ms, callback});
			return lastId;
		},
		clearTimeout(handle) {
			timers.delete(handle as number);
		},
		async advance(ms) {
			const targetMs = nowMs + ms;
			for (;;) {
				// Responses settle on promise jobs: let them run first.
				await nextTurn();
				const due = [...timers]
					.filter(([, timer]) => timer.dueMs <= targetMs)
					.sort(([, a], [, b]) => a.dueMs - b.dueMs)[0];
				if (due === undefined) {
					break;
				}

				const [id, timer] = due;
				timers.delete(id);
				nowMs = Math.max(nowMs, timer.dueMs);
				timer.callback();
			}

			nowMs = targetMs;
		},
		pendingTimerCount: () => timers.size,
	};
};

