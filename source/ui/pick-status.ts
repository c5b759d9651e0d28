import type {MonitorState} from '../model/monitor-state.js';
import type {StatusMessage} from './ui-state.js';

/** How long an action's outcome outranks an endpoint's problem. */
const actionStatusMs = 15_000;

const endpoints = ['traffic', 'online', 'streams'] as const;

/**
The one message the status line has room for: a fresh action outcome first,
then the first failing endpoint (a missing endpoint is said in its pane),
then the last outcome.
*/
export const pickStatus = (
	actionStatus: StatusMessage | undefined,
	monitor: MonitorState,
	nowMs: number,
): StatusMessage | undefined => {
	if (actionStatus && nowMs - actionStatus.atMs < actionStatusMs) {
		return actionStatus;
	}

	for (const endpoint of endpoints) {
		const {error} = monitor.status[endpoint];
		if (error && error.kind !== 'not-found') {
			return {text: error.message, tone: 'error', atMs: nowMs};
		}
	}

	return actionStatus;
};
