import {advanceStreams} from './advance-streams.js';
import {openStreams} from './open-streams.js';
import {createRandom} from './seeded-random.js';
import {createUserIds} from './simulated-names.js';
import {
	connectAtStart,
	createUser,
	sendUdp,
	updatePresence,
} from './simulated-users.js';
import type {SimulationState} from './simulation-state.js';
import type {StatsStore} from './stats-store.js';

export type SimulatorOptions = {
	readonly store: StatsStore;
	/** Number of distinct users. Default 40. */
	readonly users?: number;
	/** Open streams to keep. Default about three per connected device. */
	readonly streams?: number;
	/** Same seed, same ticks: same traffic. Default 1. */
	readonly seed?: number;
	/** Clock for back-dating and `start`. Default the store's clock. */
	readonly now?: () => number;
	/** Adds ids and sniffed addresses with terminal control characters. */
	readonly withControlCharacters?: boolean;
};

export type Simulator = {
	/** Advances the simulation by `elapsedMs` of traffic. */
	tick(elapsedMs: number): void;
	/** Ticks on a timer (default every 250 ms) that never holds the process. */
	start(intervalMs?: number): void;
	stop(): void;
};

const defaultUserCount = 40;
const defaultIntervalMs = 250;

/**
Drives a store with plausible traffic: users coming and going with up to three
devices, heavy-tailed rates, streams passing through their states, and
kicked clients reconnecting a few seconds later as real ones do.
*/
export const createSimulator = (options: SimulatorOptions): Simulator => {
	const {store} = options;
	const now = options.now ?? store.now;
	const random = createRandom(options.seed ?? 1);
	const withControls = options.withControlCharacters ?? false;
	const users = createUserIds(
		options.users ?? defaultUserCount,
		withControls,
	).map(id => createUser(random, id));
	const state: SimulationState = {
		store,
		random,
		now,
		withControls,
		users,
		streams: [],
		clockMs: 0,
	};
	let timer: NodeJS.Timeout | undefined;

	// The order of the steps is part of what a seed repeats.
	const tick = (elapsedMs: number): void => {
		state.clockMs += elapsedMs;
		updatePresence(state);
		advanceStreams(state, elapsedMs);
		sendUdp(state, elapsedMs);
		openStreams(state, options.streams, 0);
	};

	connectAtStart(state);
	openStreams(state, options.streams, Number.POSITIVE_INFINITY);

	return {
		tick,
		start(intervalMs = defaultIntervalMs) {
			clearInterval(timer);
			let lastMs = now();
			timer = setInterval(() => {
				const nowMs = now();
				tick(Math.max(0, nowMs - lastMs));
				lastMs = nowMs;
			}, intervalMs);
			timer.unref();
		},
		stop() {
			clearInterval(timer);
			timer = undefined;
		},
	};
};
