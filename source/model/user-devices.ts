import type {FleetStreamRow} from './aggregate-users.js';

/** One device (QUIC connection) of a user, summed from its streams. */
export type DeviceRow = {
	readonly key: string;
	readonly server: string | undefined;
	readonly connection: number;
	readonly streams: number;
	readonly upRate: number;
	readonly downRate: number;
	readonly up: number;
	readonly down: number;
};

/**
A user's devices as its open streams show them. A device with no open
stream does not appear here; /online still counts it.
*/
export const userDevices = (
	streams: readonly FleetStreamRow[],
	userId: string,
): DeviceRow[] => {
	const devices = new Map<string, DeviceRow>();
	for (const row of streams) {
		if (row.user !== userId) {
			continue;
		}

		const key = `${row.server ?? ''}/${row.connection}`;
		const device = devices.get(key);
		devices.set(key, {
			key,
			server: row.server,
			connection: row.connection,
			streams: (device?.streams ?? 0) + 1,
			upRate: (device?.upRate ?? 0) + row.upRate,
			downRate: (device?.downRate ?? 0) + row.downRate,
			up: (device?.up ?? 0) + row.up,
			down: (device?.down ?? 0) + row.down,
		});
	}

	return [...devices.values()].sort(
		(a, b) => b.upRate + b.downRate - (a.upRate + a.downRate),
	);
};
