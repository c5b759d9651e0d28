import type {FleetState} from '../model/fleet-state.js';
import type {StatusMessage} from './ui-state.js';

/** How long an action's outcome outranks everything else. */
const actionStatusMs = 15_000;

const endpoints = ['traffic', 'online', 'streams'] as const;

/**
The one message the status line has room for: a fresh action outcome
first, then kicks in progress, then the first failing endpoint (a missing
endpoint is said in the header), then the last outcome.
*/
export const pickStatus = (
	actionStatus: StatusMessage | undefined,
	kickStatus: StatusMessage | undefined,
	fleet: FleetState,
	nowMs: number,
): StatusMessage | undefined => {
	const fresh = [actionStatus, kickStatus]
		.filter((status): status is StatusMessage => status !== undefined)
		.filter(status => nowMs - status.atMs < actionStatusMs)
		.sort((a, b) => b.atMs - a.atMs);
	if (fresh[0]) {
		return fresh[0];
	}

	for (const server of fleet.servers) {
		for (const endpoint of endpoints) {
			const {error} = server.monitor.status[endpoint];
			if (error && error.kind !== 'not-found') {
				const where = fleet.servers.length > 1 ? `${server.name}: ` : '';
				return {text: where + error.message, tone: 'error', atMs: nowMs};
			}
		}
	}

	return kickStatus ?? actionStatus;
};
