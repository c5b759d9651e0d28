import type {StreamRow, UserRow} from './types.js';

type ServerRows = {
	readonly name: string;
	readonly users: readonly UserRow[];
	readonly streams: readonly StreamRow[];
};

/** A stream and, when several servers are watched, the one it runs on. */
export type FleetStreamRow = StreamRow & {readonly server?: string};

const presenceRank = {online: 2, offline: 1, unknown: 0} as const;

const mergeRows = (a: UserRow, b: UserRow): UserRow => ({
	id: a.id,
	upRate: a.upRate + b.upRate,
	downRate: a.downRate + b.downRate,
	up: a.up + b.up,
	down: a.down + b.down,
	devices:
		a.devices === undefined && b.devices === undefined
			? undefined
			: (a.devices ?? 0) + (b.devices ?? 0),
	presence:
		presenceRank[a.presence] >= presenceRank[b.presence]
			? a.presence
			: b.presence,
	change: a.change ?? b.change,
});

/**
One row per user across every server: rates, totals and devices summed,
online when online anywhere. With one server its rows are used as they are.
*/
export const aggregateUsers = (
	servers: readonly ServerRows[],
): readonly UserRow[] => {
	if (servers.length === 1) {
		return servers[0]?.users ?? [];
	}

	const merged = new Map<string, UserRow>();
	for (const server of servers) {
		for (const row of server.users) {
			const existing = merged.get(row.id);
			merged.set(row.id, existing ? mergeRows(existing, row) : row);
		}
	}

	return [...merged.values()];
};

/** A user's row on each server that knows it, for the zoomed view. */
export const userBreakdown = (
	servers: readonly ServerRows[],
	userId: string,
): Array<{server: string; row: UserRow}> =>
	servers.flatMap(server => {
		const row = server.users.find(candidate => candidate.id === userId);
		return row ? [{server: server.name, row}] : [];
	});

/**
Every server's streams in one list, keys made unique across servers. With
one server its rows are used as they are: no copy of a huge dump.
*/
export const combineStreams = (
	servers: readonly ServerRows[],
): readonly FleetStreamRow[] => {
	if (servers.length === 1) {
		return servers[0]?.streams ?? [];
	}

	const rows: FleetStreamRow[] = [];
	for (const server of servers) {
		for (const row of server.streams) {
			rows.push({
				...row,
				server: server.name,
				key: `${server.name}/${row.key}`,
			});
		}
	}

	return rows;
};
