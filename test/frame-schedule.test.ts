import assert from 'node:assert/strict';
import {test} from 'node:test';

import {createFrameSchedule} from '../source/ui/frame-schedule.js';
import {createFakeClock} from './helpers/fake-clock.js';

/** A schedule at a 1 s interval, and the frames it drew: [at, answers]. */
const setup = (intervalMs = 1000) => {
	const clock = createFakeClock();
	const frames: Array<[number, string[]]> = [];
	const schedule = createFrameSchedule<string>({
		clock,
		intervalMs: () => intervalMs,
		draw(answers, atMs) {
			frames.push([atMs, answers]);
		},
	});
	schedule.start();
	return {clock, frames, schedule};
};

test('frames - the first answers are drawn once the first round is over', async () => {
	const {clock, frames, schedule} = setup();
	await clock.advance(30);
	schedule.add('traffic', false);
	schedule.add('online', false);
	await clock.advance(20);
	schedule.add('streams', true);
	assert.deepEqual(frames, [[50, ['traffic', 'online', 'streams']]]);
});

test('frames - the first answers wait a moment for a slow one, not longer', async () => {
	const {clock, frames, schedule} = setup();
	await clock.advance(30);
	schedule.add('traffic', false);
	await clock.advance(149);
	assert.deepEqual(frames, []);
	await clock.advance(1);
	assert.deepEqual(frames, [[180, ['traffic']]]);
});

test('frames - a round is drawn at once when its last answer is in', async () => {
	const {clock, frames, schedule} = setup();
	schedule.add('traffic', true);
	for (let second = 1; second <= 3; second++) {
		// eslint-disable-next-line no-await-in-loop
		await clock.advance(1000);
		schedule.add(`traffic ${second}`, false);
		schedule.add(`online ${second}`, true);
	}

	assert.deepEqual(frames, [
		[0, ['traffic']],
		[1000, ['traffic 1', 'online 1']],
		[2000, ['traffic 2', 'online 2']],
		[3000, ['traffic 3', 'online 3']],
	]);
});

test('frames - an answer between rounds waits for the next round', async () => {
	const {clock, frames, schedule} = setup();
	schedule.add('traffic', true);
	await clock.advance(400);
	// A dump asked every few seconds, out of step with the rounds.
	schedule.add('streams', true);
	await clock.advance(600);
	schedule.add('traffic 1', true);
	assert.deepEqual(frames, [
		[0, ['traffic']],
		[1000, ['streams', 'traffic 1']],
	]);
});

test('frames - answers held up by a request still out wait 1.25 periods', async () => {
	const {clock, frames, schedule} = setup();
	schedule.add('traffic', true);
	await clock.advance(1000);
	schedule.add('traffic 1', false);
	await clock.advance(249);
	assert.equal(frames.length, 1);
	await clock.advance(1);
	assert.deepEqual(frames.at(-1), [1250, ['traffic 1']]);
});

test('frames - without answers, a frame comes about once a second, for the ages', async () => {
	for (const intervalMs of [1, 500, 1000, 10_000]) {
		const {clock, frames} = setup(intervalMs);
		// eslint-disable-next-line no-await-in-loop
		await clock.advance(5000);
		assert.deepEqual(
			frames.map(([atMs]) => atMs),
			[1250, 2500, 3750, 5000],
			`interval ${intervalMs} ms`,
		);
	}
});

test('frames - at a short interval, each round is drawn and nothing between them', async () => {
	const {clock, frames, schedule} = setup(1);
	schedule.add('first', true);
	for (let round = 1; round <= 50; round++) {
		// eslint-disable-next-line no-await-in-loop
		await clock.advance(5);
		schedule.add(`round ${round}`, true);
	}

	assert.equal(frames.length, 51);
	assert.ok(frames.every(([, answers]) => answers.length === 1));
});

test('frames - nothing is drawn once stopped', async () => {
	const {clock, frames, schedule} = setup();
	schedule.add('traffic', false);
	schedule.stop();
	schedule.add('online', true);
	await clock.advance(5000);
	assert.deepEqual(frames, []);
	assert.equal(clock.pendingTimerCount(), 0);
});
