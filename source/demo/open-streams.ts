import {moveBytes} from './advance-streams.js';
import {between, gaussian, pick, type Random} from './seeded-random.js';
import {
	controlCharacterHook,
	plainAddresses,
	sniffedAddresses,
} from './simulated-names.js';
import type {
	SimDevice,
	SimStream,
	SimulationState,
} from './simulation-state.js';

const defaultStreamsPerDevice = 3;
const maxStreamRate = 20 * 1024 * 1024;

// The address asked for, and what sniffing finds (undefined: not sniffed).
const drawHook = (state: SimulationState): [string, string | undefined] => {
	const {random} = state;
	const kind = random();
	if (kind < 0.2) {
		const [reqAddr, hooked] = pick(random, sniffedAddresses);
		const isHostile = state.withControls && random() < 0.2;

		return [reqAddr, isHostile ? controlCharacterHook : hooked];
	}

	// Sniffed, but found the address that was asked for: reported as "".
	const reqAddr = pick(random, plainAddresses);

	return [reqAddr, kind < 0.3 ? '' : undefined];
};

// Most streams are short requests; a few are long downloads or sessions.
const drawLifetimeMs = (random: Random): number => {
	const kind = random();
	if (kind < 0.6) {
		return between(random, 500, 15_000);
	}

	return kind < 0.92
		? between(random, 15_000, 180_000)
		: between(random, 180_000, 3_600_000);
};

const openStream = (
	state: SimulationState,
	device: SimDevice,
	ageMs: number,
): void => {
	const {connection} = device;
	if (!connection) {
		return;
	}

	const {store, random, clockMs} = state;
	const [reqAddr, hookedReqAddr] = drawHook(state);
	const rxRate = Math.min(
		maxStreamRate,
		1500 * Math.exp(1.6 * gaussian(random)),
	);
	const upShare = between(random, 0.02, 0.2);
	const isUpload = random() < 0.05;
	const lifetimeMs = drawLifetimeMs(random);
	const age = Math.min(ageMs, lifetimeMs * random());
	const stream: SimStream = {
		handle: store.openStream(connection, {
			reqAddr,
			initialAtMs: state.now() - age,
		}),
		device,
		hookedReqAddr,
		txRate: isUpload ? rxRate : rxRate * upShare,
		rxRate: isUpload ? rxRate * upShare : rxRate,
		activity: between(random, 0.1, 1),
		phaseEndsAtMs: clockMs + between(random, 5, 80),
		endsAtMs: clockMs + lifetimeMs - age,
	};
	state.streams.push(stream);
	if (age > 0) {
		// Streams found running at start-up are already established.
		store.setStreamState(stream.handle, 'estab', hookedReqAddr);
		moveBytes(state, stream, age);
	}
};

// The first index whose running total passes `value`.
const findWeighted = (totals: readonly number[], value: number): number => {
	let low = 0;
	let high = totals.length - 1;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (totals[middle]! > value) {
			high = middle;
		} else {
			low = middle + 1;
		}
	}

	return low;
};

/**
Opens streams on connected devices, picked by their user's weight, until
`targetCount` are open (default three per connected device). Streams may be
up to `ageMs` old, so that a start finds traffic already running.
*/
export const openStreams = (
	state: SimulationState,
	targetCount: number | undefined,
	ageMs: number,
): void => {
	const devices = state.users.flatMap(user =>
		user.devices.filter(device => device.connection),
	);
	const target = targetCount ?? defaultStreamsPerDevice * devices.length;
	const active = devices.filter(device => device.user.weight > 0);
	const weights: number[] = [];
	let total = 0;
	for (const device of active) {
		total += device.user.weight;
		weights.push(total);
	}

	for (
		let open = state.streams.length;
		open < target && total > 0;
		open++
	) {
		const index = findWeighted(weights, state.random() * total);
		openStream(state, active[index]!, ageMs);
	}
};
