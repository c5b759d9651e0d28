import type {StoreStream, TrafficEntry} from './stats-store.js';

/**
What a restarted server would show, over a store that keeps running:
counters count from the restart, users without traffic since then are
absent, and the streams open at the restart are gone.
*/
export type RestartView = {
	/** Restarts now: the store's current state becomes the zero point. */
	restart(
		traffic: readonly TrafficEntry[],
		streams: readonly StoreStream[],
	): void;
	/** A clear empties the store's counters, so the zero point goes too. */
	forgetTraffic(): void;
	traffic(entries: readonly TrafficEntry[]): TrafficEntry[];
	streams(streams: readonly StoreStream[]): StoreStream[];
};

export const createRestartView = (): RestartView => {
	let baseline = new Map<string, TrafficEntry>();
	let goneStreams = new Set<StoreStream>();

	return {
		restart(traffic, streams) {
			baseline = new Map(traffic.map(entry => [entry.userId, entry]));
			goneStreams = new Set(streams);
		},
		forgetTraffic() {
			baseline = new Map();
		},
		traffic(entries) {
			if (baseline.size === 0) {
				return [...entries];
			}

			const since: TrafficEntry[] = [];
			for (const entry of entries) {
				let base = baseline.get(entry.userId);
				// Cleared behind the server's back: the store restarted anyway.
				if (base && (entry.tx < base.tx || entry.rx < base.rx)) {
					base = undefined;
				}

				const tx = entry.tx - (base?.tx ?? 0);
				const rx = entry.rx - (base?.rx ?? 0);
				// A user appears at its first byte after the restart.
				if (tx > 0 || rx > 0) {
					since.push({userId: entry.userId, tx, rx});
				}
			}

			return since;
		},
		streams(streams) {
			if (goneStreams.size === 0) {
				return [...streams];
			}

			return streams.filter(stream => !goneStreams.has(stream));
		},
	};
};
