import type {Online} from '../api/types.js';
import type {MonitorState} from './monitor-state.js';
import type {PolledEndpoint} from './poll-result.js';

export type FleetEvent = {
	readonly atMs: number;
	readonly text: string;
	readonly tone: 'info' | 'success' | 'error';
};

/** How many events are kept; the screen shows the newest few. */
export const eventLimit = 50;

export const appendEvents = (
	events: readonly FleetEvent[],
	added: readonly FleetEvent[],
): readonly FleetEvent[] =>
	added.length === 0 ? events : [...events, ...added].slice(-eventLimit);

/**
Past this many changes in one answer, a single summary line is kept: a
server restart should not flush every other event off the list.
*/
const maxChangesListed = 5;

/** Joins, leaves and device counts that changed between two /online answers. */
export const onlineEvents = (
	before: Online | undefined,
	after: Online | undefined,
	atMs: number,
	prefix: string,
	quote: (id: string) => string,
): FleetEvent[] => {
	if (before === undefined || after === undefined || before === after) {
		return [];
	}

	const events: FleetEvent[] = [];
	for (const [id, devices] of after) {
		const previous = before.get(id) ?? 0;
		if (previous === 0 && devices > 0) {
			events.push({atMs, text: `${prefix}${quote(id)} joined`, tone: 'info'});
		} else if (devices > previous) {
			events.push({
				atMs,
				text: `${prefix}${quote(id)}: device connected (${devices} online)`,
				tone: 'info',
			});
		} else if (devices < previous && devices > 0) {
			events.push({
				atMs,
				text: `${prefix}${quote(id)}: device dropped (${devices} online)`,
				tone: 'info',
			});
		}
	}

	for (const [id, devices] of before) {
		if (devices > 0 && (after.get(id) ?? 0) === 0) {
			events.push({atMs, text: `${prefix}${quote(id)} left`, tone: 'info'});
		}
	}

	if (events.length > maxChangesListed) {
		return [
			{
				atMs,
				text: `${prefix}${events.length} users joined, left or changed devices`,
				tone: 'info',
			},
		];
	}

	return events;
};

const endpoints: readonly PolledEndpoint[] = ['traffic', 'online', 'streams'];

/** An endpoint that started failing, or recovered. */
export const statusEvents = (
	before: MonitorState,
	after: MonitorState,
	atMs: number,
	prefix: string,
): FleetEvent[] => {
	const events: FleetEvent[] = [];
	for (const endpoint of endpoints) {
		const was = before.status[endpoint].error;
		const is = after.status[endpoint].error;
		if (is && (!was || was.kind !== is.kind)) {
			events.push({atMs, text: `${prefix}${is.message}`, tone: 'error'});
		} else if (was && !is) {
			events.push({
				atMs,
				text: `${prefix}${endpoint} answers again`,
				tone: 'success',
			});
		}
	}

	return events;
};
