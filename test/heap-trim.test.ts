import assert from 'node:assert/strict';
import {test} from 'node:test';

import type {StatsClient} from '../source/api/client-contract.js';
import type {StreamEntry} from '../source/api/types.js';
import {
	collectDelayMs,
	type HeapControls,
	largeDumpStreams,
	leastCollectEveryMs,
	realHeapControls,
	startHeapTrim,
	youngGenerationLimitBytes,
} from '../source/heap-trim.js';

type Timer = {at: number; callback: () => void; every?: number};

/** V8 and time as the trimmer sees them, moved by hand. */
const fakeHeap = () => {
	let nowMs = 0;
	const timers = new Set<Timer>();
	const state = {youngBytes: 1024 * 1024, frozenAtBytes: 0, collectedAt: [] as number[]};
	const controls: HeapControls = {
		youngGenerationBytes: () => state.youngBytes,
		freezeYoungGeneration() {
			state.frozenAtBytes = state.youngBytes;
		},
		collect() {
			state.collectedAt.push(nowMs);
		},
		now: () => nowMs,
		setTimeout(callback, ms) {
			const timer = {at: nowMs + ms, callback};
			timers.add(timer);
			return timer;
		},
		clearTimeout: handle => timers.delete(handle as Timer),
		setInterval(callback, ms) {
			const timer = {at: nowMs + ms, callback, every: ms};
			timers.add(timer);
			return timer;
		},
		clearInterval: handle => timers.delete(handle as Timer),
	};
	const advance = (ms: number) => {
		const endMs = nowMs + ms;
		for (;;) {
			const due = [...timers]
				.filter(timer => timer.at <= endMs)
				.sort((a, b) => a.at - b.at)[0];
			if (due === undefined) {
				break;
			}

			nowMs = due.at;
			if (due.every === undefined) {
				timers.delete(due);
			} else {
				due.at += due.every;
			}

			due.callback();
		}

		nowMs = endMs;
	};

	return {controls, state, advance, timerCount: () => timers.size};
};

test('heap trim - the young generation is frozen once it reaches its limit', () => {
	const heap = fakeHeap();
	const trim = startHeapTrim(heap.controls);
	heap.advance(1000);
	assert.equal(heap.state.frozenAtBytes, 0);
	heap.state.youngBytes = youngGenerationLimitBytes;
	heap.advance(1000);
	assert.equal(heap.state.frozenAtBytes, youngGenerationLimitBytes);
	// Frozen once: nothing is left to watch.
	assert.equal(heap.timerCount(), 0);
	trim.stop();
});

test('heap trim - a large dump is collected after a delay, a small one never', () => {
	const heap = fakeHeap();
	const trim = startHeapTrim(heap.controls);
	trim.afterStreamDump(largeDumpStreams - 1);
	heap.advance(60_000);
	assert.deepEqual(heap.state.collectedAt, []);

	trim.afterStreamDump(largeDumpStreams);
	heap.advance(collectDelayMs - 1);
	assert.deepEqual(heap.state.collectedAt, []);
	heap.advance(1);
	assert.deepEqual(heap.state.collectedAt, [60_000 + collectDelayMs]);
	trim.stop();
});

test('heap trim - dumps close together share one collection, spaced out', () => {
	const heap = fakeHeap();
	const trim = startHeapTrim(heap.controls);
	trim.afterStreamDump(100_000);
	heap.advance(500);
	trim.afterStreamDump(100_000);
	heap.advance(collectDelayMs);
	assert.deepEqual(heap.state.collectedAt, [collectDelayMs]);

	// The next dump comes soon after the collection: the next one waits.
	trim.afterStreamDump(100_000);
	heap.advance(leastCollectEveryMs * 2);
	assert.deepEqual(heap.state.collectedAt, [
		collectDelayMs,
		collectDelayMs + leastCollectEveryMs,
	]);
	trim.stop();
});

test('heap trim - stop leaves no timer behind', () => {
	const heap = fakeHeap();
	const trim = startHeapTrim(heap.controls);
	trim.afterStreamDump(100_000);
	trim.stop();
	assert.equal(heap.timerCount(), 0);
	heap.advance(60_000);
	assert.deepEqual(heap.state.collectedAt, []);
});

test('heap trim - a watched client hands dumps through and reports their size', async () => {
	const heap = fakeHeap();
	const trim = startHeapTrim(heap.controls);
	const entries = Array.from(
		{length: largeDumpStreams},
		(_, index) => ({connection: index}) as unknown as StreamEntry,
	);
	const client = {
		url: 'http://127.0.0.1:1',
		streams: async () => entries,
	} as unknown as StatsClient;
	const watched = trim.watch(client);
	assert.equal(watched.url, client.url);
	assert.equal(await watched.streams(), entries);
	heap.advance(collectDelayMs);
	assert.deepEqual(heap.state.collectedAt, [collectDelayMs]);
	trim.stop();
});

test('heap trim - the real controls read the young generation and collect', () => {
	assert.ok(realHeapControls.youngGenerationBytes() > 0);
	let held: unknown[] | undefined = Array.from({length: 200_000}, (_, index) => ({
		index,
	}));
	// Collected once while held: it now sits in the old generation, which
	// only a full collection empties.
	realHeapControls.collect();
	const withHeldBytes = process.memoryUsage().heapUsed;
	assert.equal(held.length, 200_000);
	held = undefined;
	realHeapControls.collect();
	assert.ok(process.memoryUsage().heapUsed < withHeldBytes - 4 * 1024 * 1024);
	assert.equal(held, undefined);
});
