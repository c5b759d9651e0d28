import {between, exponential, type Random} from './seeded-random.js';
import type {
	SimDevice,
	SimulationState,
	SimUser,
} from './simulation-state.js';

const meanPresenceChangeMs = 90_000;

// A Pareto tail: most users light, a few carrying most of the traffic.
export const createUser = (random: Random, id: string): SimUser => {
	const isIdle = random() < 0.15;
	const weight = isIdle ? 0 : Math.min(200, (1 - random()) ** -0.85);

	return {
		id,
		weight,
		maxDevices: 1 + Math.floor(random() * 3),
		udpRate: !isIdle && random() < 0.1 ? between(random, 5e3, 60e3) : 0,
		devices: [],
		nextPresenceAtMs: exponential(random, meanPresenceChangeMs),
	};
};

export const connectDevice = (
	state: SimulationState,
	user: SimUser,
): void => {
	user.devices.push({
		user,
		connection: state.store.connect(user.id),
		reconnectAtMs: 0,
	});
};

/** A kicked client comes back a few seconds later, as real ones do. */
export const dropDevice = (
	state: SimulationState,
	device: SimDevice,
): void => {
	device.connection = undefined;
	device.reconnectAtMs = state.clockMs + between(state.random, 2000, 6000);
};

// Start mid-flight: three users in four online.
export const connectAtStart = (state: SimulationState): void => {
	const {random} = state;
	for (const user of state.users) {
		const count =
			random() < 0.75 ? 1 + Math.floor(random() * user.maxDevices) : 0;
		for (let index = 0; index < count; index++) {
			connectDevice(state, user);
		}
	}
};

const changePresence = (state: SimulationState, user: SimUser): void => {
	const count = user.devices.length;
	const isJoining =
		count === 0 || (count < user.maxDevices && state.random() < 0.5);
	if (isJoining) {
		connectDevice(state, user);
		return;
	}

	// Sometimes the user goes offline altogether.
	const leaving = state.random() < 0.3 ? count : 1;
	for (const device of user.devices.splice(0, leaving)) {
		if (device.connection) {
			state.store.disconnect(device.connection);
		}
	}
};

/** Reconnects dropped devices when due; users join, add or leave devices. */
export const updatePresence = (state: SimulationState): void => {
	for (const user of state.users) {
		for (const device of user.devices) {
			if (!device.connection && state.clockMs >= device.reconnectAtMs) {
				device.connection = state.store.connect(user.id);
			}
		}

		if (state.clockMs >= user.nextPresenceAtMs) {
			changePresence(state, user);
			user.nextPresenceAtMs =
				state.clockMs + exponential(state.random, meanPresenceChangeMs);
		}
	}
};

/** Traffic outside streams, counted on the connection only. */
export const sendUdp = (state: SimulationState, elapsedMs: number): void => {
	for (const user of state.users) {
		if (user.udpRate === 0) {
			continue;
		}

		for (const device of user.devices) {
			const bytes = Math.round((user.udpRate * elapsedMs) / 1000);
			const {connection} = device;
			if (
				connection &&
				!state.store.addConnectionTraffic(connection, bytes >> 3, bytes)
			) {
				dropDevice(state, device);
			}
		}
	}
};
