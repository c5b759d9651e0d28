import assert from 'node:assert/strict';
import {test} from 'node:test';

import {
	answeredEveryMs,
	largeDumpStreams,
	retryDelayMs,
} from '../source/poller/poll-pace.js';

test('poll pace - a slow large dump is asked ten times as rarely as it takes', () => {
	const answered = {
		endpoint: 'streams',
		answerCount: 5,
		leastEveryMs: 0,
		answerSize: largeDumpStreams,
	} as const;
	assert.equal(answeredEveryMs({...answered, durationMs: 500}, 1000), 5000);
	assert.equal(answeredEveryMs({...answered, durationMs: 50}, 1000), 1000);
});

test('poll pace - a small dump on a slow link is asked at the interval', () => {
	const answered = {
		endpoint: 'streams',
		answerCount: 5,
		leastEveryMs: 0,
		durationMs: 1500,
	} as const;
	assert.equal(
		answeredEveryMs({...answered, answerSize: largeDumpStreams - 1}, 1000),
		1000,
	);
	assert.equal(
		answeredEveryMs({...answered, answerSize: largeDumpStreams}, 1000),
		15_000,
	);
});

test('poll pace - failures back off to 30 s; a 404 on /online stops it', () => {
	assert.deepEqual(
		[1, 2, 3, 10].map(count => retryDelayMs('traffic', 'network', count, 1000)),
		[1000, 2000, 4000, 30_000],
	);
	assert.equal(retryDelayMs('online', 'not-found', 1, 1000), undefined);
});
