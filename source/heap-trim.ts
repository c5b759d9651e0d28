// Keeps a long-running monitor's memory near what it really holds. At
// 100,000 streams hytop holds about 55 MB, but V8, left alone, lets its
// young generation grow to 32 MB and its old one to two to four times the
// live data between full collections: near 300 MiB of resident memory on a
// VPS that may have 512 MiB in all.
import v8 from 'node:v8';
import vm from 'node:vm';

import type {StatsClient} from './api/client-contract.js';

/**
Streams in a dump from which the rows it replaces are worth a full
collection. Below this, V8's own pace costs less than the collection.
*/
export const largeDumpStreams = 20_000;

/**
The young generation stops growing past this: 8 MB gives the objects of a
frame or a dump's piece time to die young, 32 MB only costs memory. A
young generation of 2 MB costs about a third more CPU at 10,000 streams.
*/
export const youngGenerationLimitBytes = 8 * 1024 * 1024;

/**
How often the young generation's size is looked at until it is frozen. It
doubles at a scavenge that saw much survive, which a large dump's reading
brings about many times a second.
*/
const youngCheckEveryMs = 50;

/**
After a large dump, the collection waits this long: by then the next
frame has been drawn and React no longer holds the rows the dump replaced.
*/
export const collectDelayMs = 2000;

/**
A full collection takes 35-55 ms of the main thread at 100,000 streams,
and more on V8's helper threads: not more often.
*/
export const leastCollectEveryMs = 5000;

/** What the trimmer needs of V8 and of time; tests pass fakes. */
export type HeapControls = {
	youngGenerationBytes(): number;
	/** Stops the young generation from growing any further. */
	freezeYoungGeneration(): void;
	collect(): void;
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
	setInterval(callback: () => void, ms: number): unknown;
	clearInterval(handle: unknown): void;
};

let exposedCollect: (() => void) | undefined;

// Flags set at run time are read by V8 when it next needs them. Growth of
// the young generation is decided at each scavenge, so a factor of 1 ends
// it; `gc` exists in contexts made after --expose-gc, not in this one.
export const realHeapControls: HeapControls = {
	youngGenerationBytes() {
		const space = v8
			.getHeapSpaceStatistics()
			.find(({space_name: name}) => name === 'new_space');
		return space?.space_size ?? 0;
	},
	freezeYoungGeneration() {
		v8.setFlagsFromString('--semi-space-growth-factor=1');
	},
	collect() {
		if (exposedCollect === undefined) {
			v8.setFlagsFromString('--expose-gc');
			exposedCollect = vm.runInNewContext('gc') as () => void;
		}

		exposedCollect();
	},
	now: () => performance.now(),
	setTimeout(callback, ms) {
		return setTimeout(callback, ms).unref();
	},
	clearTimeout(handle) {
		clearTimeout(handle as ReturnType<typeof setTimeout>);
	},
	setInterval(callback, ms) {
		return setInterval(callback, ms).unref();
	},
	clearInterval(handle) {
		clearInterval(handle as ReturnType<typeof setInterval>);
	},
};

export type HeapTrim = {
	/** Tells of a stream dump that was read; a large one gets collected. */
	afterStreamDump(streamCount: number): void;
	/** The same client, reporting each dump it reads. */
	watch(client: StatsClient): StatsClient;
	stop(): void;
};

export const startHeapTrim = (
	controls: HeapControls = realHeapControls,
): HeapTrim => {
	let youngTimer: unknown = controls.setInterval(() => {
		if (controls.youngGenerationBytes() >= youngGenerationLimitBytes) {
			controls.freezeYoungGeneration();
			controls.clearInterval(youngTimer);
			youngTimer = undefined;
		}
	}, youngCheckEveryMs);
	let collectTimer: unknown;
	let lastCollectAtMs = Number.NEGATIVE_INFINITY;

	const afterStreamDump = (streamCount: number) => {
		if (streamCount < largeDumpStreams || collectTimer !== undefined) {
			return;
		}

		const dueAtMs = Math.max(
			controls.now() + collectDelayMs,
			lastCollectAtMs + leastCollectEveryMs,
		);
		collectTimer = controls.setTimeout(() => {
			collectTimer = undefined;
			lastCollectAtMs = controls.now();
			controls.collect();
		}, dueAtMs - controls.now());
	};

	return {
		afterStreamDump,
		watch: client => ({
			...client,
			async streams() {
				const entries = await client.streams();
				afterStreamDump(entries.length);
				return entries;
			},
		}),
		stop() {
			if (youngTimer !== undefined) {
				controls.clearInterval(youngTimer);
			}

			if (collectTimer !== undefined) {
				controls.clearTimeout(collectTimer);
			}
		},
	};
};
