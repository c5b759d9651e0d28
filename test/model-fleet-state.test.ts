import assert from 'node:assert/strict';
import {test} from 'node:test';

import {createFleetState, fleetReducer} from '../source/model/fleet-state.js';
import type {PollResult} from '../source/model/poll-result.js';

const traffic = (atMs: number, bytes: number): PollResult => ({
	endpoint: 'traffic',
	ok: true,
	data: new Map([['alice', {tx: bytes, rx: bytes}]]),
	atMs,
	durationMs: 5,
});

/** Answers a second apart, then frames while paused. */
const run = (isPausedAfter: number) => {
	let state = createFleetState([{name: 'local', url: 'http://127.0.0.1:1'}]);
	for (let second = 0; second < 6; second++) {
		const atMs = 1000 * (second + 1);
		const isPaused = second >= isPausedAfter;
		state = fleetReducer(state, {
			type: 'batch',
			results: isPaused ? [] : [{server: 0, result: traffic(atMs, 1000 * second)}],
			nowMs: atMs,
			isPaused,
		});
	}

	return state.history;
};

test('fleet - while paused the graphs hold still', () => {
	const live = run(6);
	const paused = run(3);
	assert.equal(live.sampleCount, 6);
	assert.equal(paused.sampleCount, 3);
	assert.deepEqual(paused.up, live.up.slice(0, 3));
});
