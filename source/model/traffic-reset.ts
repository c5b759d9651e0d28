import type {Traffic} from '../api/types.js';

const noTraffic = {tx: 0, rx: 0};

/**
Whether `next` comes after a reset of the server's counters. A clear empties
the whole map and a restart zeroes it, so one user going down or missing
means every user started again, including one who has moved more since the
reset than before it, whose counter alone would look as if it had grown.
*/
export const isTrafficReset = (previous: Traffic, next: Traffic): boolean => {
	for (const [userId, before] of previous) {
		const after = next.get(userId) ?? noTraffic;
		if (after.tx < before.tx || after.rx < before.rx) {
			return true;
		}
	}

	return false;
};
