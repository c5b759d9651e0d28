import type {FleetState} from '../model/fleet-state.js';
import type {KickTarget} from './ui-state.js';

/**
Where to kick each user, decided at the keypress: every server where the
user is online; when online nowhere, every server that has its traffic on
record (the kick waits there for its next traffic); failing that, all.
*/
export const kickTargets = (
	fleet: FleetState,
	userIds: readonly string[],
): KickTarget[] =>
	userIds.flatMap(userId => {
		const perServer = fleet.servers.map((server, index) => {
			const {monitor} = server;
			const devices = monitor.status.online.isSupported
				? (monitor.online?.get(userId) ?? 0)
				: undefined;
			const isKnown = monitor.users.some(row => row.id === userId);
			return {server: index, userId, devices, isKnown};
		});
		const online = perServer.filter(entry => (entry.devices ?? 0) > 0);
		const known = perServer.filter(entry => entry.isKnown);
		const chosen =
			online.length > 0 ? online : known.length > 0 ? known : perServer;
		return chosen.map(({server, devices}) => ({server, userId, devices}));
	});
