import assert from 'node:assert/strict';
import {setImmediate as nextTurn} from 'node:timers/promises';
import {test} from 'node:test';

import {ApiError} from '../source/api/api-error.js';
import type {StatsClient} from '../source/api/client-contract.js';
import type {ApiErrorKind} from '../source/api/types.js';
import {largeDumpStreams} from '../source/poller/poll-pace.js';
import {
	createPoller,
	type PolledEndpoint,
	type PollerOptions,
	type PollResult,
} from '../source/poller/poller.js';
import {streamEntry} from './helpers/fake-client.js';
import {createFakeClock} from './helpers/fake-clock.js';

type Call = {
	readonly endpoint: PolledEndpoint;
	resolve(value: unknown): void;
	reject(error: unknown): void;
};

const createFakeClient = () => {
	const calls: Call[] = [];
	const request = async (endpoint: PolledEndpoint): Promise<never> =>
		new Promise((resolve, reject) => {
			calls.push({endpoint, resolve, reject});
		});
	const client: StatsClient = {
		url: 'http://127.0.0.1:9999',
		traffic: async () => request('traffic'),
		online: async () => request('online'),
		streams: async () => request('streams'),
		async kick() {},
		async close() {},
	};

	const callsOf = (endpoint: PolledEndpoint): Call[] =>
		calls.filter(call => call.endpoint === endpoint);

	/** The newest call of an endpoint, which a test answers. */
	const last = (endpoint: PolledEndpoint): Call => {
		const call = callsOf(endpoint).at(-1);
		assert.ok(call, `no ${endpoint} call`);
		return call;
	};

	return {client, calls, callsOf, last};
};

const apiError = (kind: ApiErrorKind, endpoint: PolledEndpoint): ApiError =>
	new ApiError(kind, endpoint, `${endpoint}: ${kind}`);

const setup = (options: Partial<PollerOptions> = {}) => {
	const clock = createFakeClock();
	const fake = createFakeClient();
	const results: PollResult[] = [];
	const poller = createPoller({
		client: fake.client,
		intervalMs: 1000,
		clock,
		onResult(result) {
			results.push(result);
		},
		...options,
	});

	return {clock, poller, results, ...fake};
};

const retries = (results: readonly PollResult[]) =>
	results.map(result => (result.ok ? 'ok' : result.retryInMs));

test('poller - start polls every endpoint once', () => {
	const {poller, calls} = setup();
	poller.start();

	assert.deepEqual(
		calls.map(call => call.endpoint),
		['traffic', 'online', 'streams'],
	);
});

test('poller - reports data with its arrival time and duration', async () => {
	const {poller, clock, last, results} = setup({endpoints: ['online']});
	poller.start();
	await clock.advance(250);
	last('online').resolve(new Map([['alice', 2]]));
	await clock.advance(0);

	assert.deepEqual(results, [
		{
			endpoint: 'online',
			ok: true,
			data: new Map([['alice', 2]]),
			atMs: 250,
			durationMs: 250,
		},
	]);
});

test('poller - never overlaps while a request hangs', async () => {
	const {poller, clock, callsOf} = setup();
	poller.start();
	await clock.advance(60_000);
	poller.pollNow();

	assert.equal(callsOf('traffic').length, 1);
	assert.equal(callsOf('streams').length, 1);
});

test('poller - waits the interval minus the time the poll took', async () => {
	const {poller, clock, callsOf, last} = setup({endpoints: ['traffic']});
	poller.start();
	await clock.advance(300);
	last('traffic').resolve(new Map());
	await clock.advance(699);
	const countBefore = callsOf('traffic').length;
	await clock.advance(1);

	assert.equal(countBefore, 1);
	assert.equal(callsOf('traffic').length, 2);
});

test('poller - a poll slower than the interval is followed now', async () => {
	const {poller, clock, callsOf, last} = setup({endpoints: ['traffic']});
	poller.start();
	await clock.advance(1500);
	last('traffic').resolve(new Map());
	await clock.advance(0);

	assert.equal(callsOf('traffic').length, 2);
});

test('poller - backs off by doubling up to 30 s', async () => {
	const {poller, clock, last, results} = setup({endpoints: ['traffic']});
	poller.start();
	for (let attempt = 0; attempt < 7; attempt++) {
		last('traffic').reject(apiError('refused', 'traffic'));
		await clock.advance(30_000);
	}

	assert.deepEqual(
		retries(results),
		[1000, 2000, 4000, 8000, 16_000, 30_000, 30_000],
	);
});

test('poller - backoff waits the reported time before retrying', async () => {
	const {poller, clock, callsOf, last} = setup({endpoints: ['online']});
	poller.start();
	last('online').reject(apiError('timeout', 'online'));
	await clock.advance(1000);
	last('online').reject(apiError('timeout', 'online'));
	await clock.advance(1999);
	const countBefore = callsOf('online').length;
	await clock.advance(1);

	assert.equal(countBefore, 2);
	assert.equal(callsOf('online').length, 3);
});

test('poller - success resets the backoff', async () => {
	const {poller, clock, last, results} = setup({endpoints: ['traffic']});
	poller.start();
	for (const outcome of ['fail', 'fail', 'fail', 'ok', 'fail']) {
		if (outcome === 'ok') {
			last('traffic').resolve(new Map());
		} else {
			last('traffic').reject(apiError('reset', 'traffic'));
		}

		await clock.advance(30_000);
	}

	assert.deepEqual(retries(results), [1000, 2000, 4000, 'ok', 1000]);
});

test('poller - 404 on online stops polling it for good', async () => {
	const {poller, clock, callsOf, last, results} = setup({
		endpoints: ['traffic', 'online'],
	});
	poller.start();
	last('online').reject(apiError('not-found', 'online'));
	last('traffic').resolve(new Map());
	await clock.advance(60_000);
	poller.pollNow();

	assert.equal(callsOf('online').length, 1);
	assert.deepEqual(
		results.filter(result => result.endpoint === 'online'),
		[
			{
				endpoint: 'online',
				ok: false,
				error: apiError('not-found', 'online'),
				atMs: 0,
				retryInMs: undefined,
			},
		],
	);
});

test('poller - 404 on streams leaves the other loops running', async () => {
	const {poller, clock, callsOf, last} = setup({
		endpoints: ['traffic', 'streams'],
	});
	poller.start();
	last('streams').reject(apiError('not-found', 'streams'));
	last('traffic').resolve(new Map());
	await clock.advance(1000);

	assert.equal(callsOf('streams').length, 1);
	assert.equal(callsOf('traffic').length, 2);
});

test('poller - 404 on traffic is retried like other errors', async () => {
	const {poller, clock, callsOf, last, results} = setup({
		endpoints: ['traffic'],
	});
	poller.start();
	last('traffic').reject(apiError('not-found', 'traffic'));
	await clock.advance(1000);

	assert.deepEqual(retries(results), [1000]);
	assert.equal(callsOf('traffic').length, 2);
});

test('poller - 401 retries slowly, every 10 s', async () => {
	const {poller, clock, callsOf, last, results} = setup({
		endpoints: ['traffic'],
	});
	poller.start();
	last('traffic').reject(apiError('unauthorized', 'traffic'));
	await clock.advance(9999);
	const countBefore = callsOf('traffic').length;
	await clock.advance(1);

	assert.deepEqual([countBefore, callsOf('traffic').length], [1, 2]);
	assert.deepEqual(retries(results), [10_000]);
});

test('poller - pause lets the poll in flight finish and report', async () => {
	const {poller, clock, callsOf, last, results} = setup({
		endpoints: ['traffic'],
	});
	poller.start();
	poller.pause();
	last('traffic').resolve(new Map());
	await clock.advance(10_000);

	assert.equal(results.length, 1);
	assert.equal(callsOf('traffic').length, 1);
});

test('poller - pause cancels the next scheduled poll', async () => {
	const {poller, clock, callsOf, last} = setup({endpoints: ['traffic']});
	poller.start();
	last('traffic').resolve(new Map());
	await clock.advance(500);
	poller.pause();
	await clock.advance(10_000);

	assert.equal(poller.isPaused(), true);
	assert.equal(callsOf('traffic').length, 1);
});

test('poller - resume polls at once', async () => {
	const {poller, clock, callsOf, last} = setup({endpoints: ['traffic']});
	poller.start();
	last('traffic').resolve(new Map());
	await clock.advance(100);
	poller.pause();
	poller.resume();

	assert.equal(poller.isPaused(), false);
	assert.equal(callsOf('traffic').length, 2);
});

test('poller - pollNow while paused polls once without resuming', async () => {
	const {poller, clock, callsOf, last} = setup({endpoints: ['traffic']});
	poller.start();
	last('traffic').resolve(new Map());
	await clock.advance(100);
	poller.pause();
	poller.pollNow();
	last('traffic').resolve(new Map());
	await clock.advance(10_000);

	assert.equal(callsOf('traffic').length, 2);
	assert.equal(poller.isPaused(), true);
});

test('poller - stop ignores late responses and clears timers', async () => {
	const {poller, clock, last, results} = setup();
	poller.start();
	last('online').resolve(new Map());
	await clock.advance(0);
	poller.stop();
	last('traffic').resolve(new Map());
	last('streams').reject(apiError('reset', 'streams'));
	await clock.advance(60_000);

	assert.deepEqual(
		results.map(result => result.endpoint),
		['online'],
	);
	assert.equal(clock.pendingTimerCount(), 0);
});

test('poller - disabled endpoints are not polled', async () => {
	const {poller, clock, callsOf, last} = setup();
	poller.setEndpointEnabled('streams', false);
	poller.start();
	last('traffic').resolve(new Map());
	await clock.advance(5000);

	assert.equal(callsOf('streams').length, 0);
	assert.ok(callsOf('traffic').length > 1);
});

test('poller - disabling an endpoint cancels its next poll', async () => {
	const {poller, clock, callsOf, last} = setup({endpoints: ['streams']});
	poller.start();
	last('streams').resolve([]);
	await clock.advance(0);
	poller.setEndpointEnabled('streams', false);
	await clock.advance(5000);

	assert.equal(callsOf('streams').length, 1);
	assert.equal(clock.pendingTimerCount(), 0);
});

test('poller - enabling an endpoint polls it at once', () => {
	const {poller, callsOf} = setup({endpoints: ['traffic']});
	poller.start();
	poller.setEndpointEnabled('streams', true);

	assert.equal(callsOf('streams').length, 1);
	assert.equal(callsOf('online').length, 0);
});

test('poller - a shorter interval applies to the pending wait', async () => {
	const {poller, clock, callsOf, last} = setup({
		endpoints: ['traffic'],
		intervalMs: 10_000,
	});
	poller.start();
	await clock.advance(200);
	last('traffic').resolve(new Map());
	await clock.advance(300);
	poller.setIntervalMs(2000);
	await clock.advance(1499);
	const countBefore = callsOf('traffic').length;
	await clock.advance(1);

	assert.deepEqual([countBefore, callsOf('traffic').length], [1, 2]);
});

test('poller - a least period slows an endpoint after its second answer', async () => {
	const {poller, clock, callsOf, last, results} = setup({
		endpoints: ['streams'],
	});
	poller.start();
	poller.setEndpointLeastEveryMs('streams', 5000);
	last('streams').resolve([]);
	// The second answer, which gives the first rates, comes at the interval.
	await clock.advance(1000);
	last('streams').resolve([]);
	await clock.advance(4999);
	const countBefore = callsOf('streams').length;
	await clock.advance(1);

	assert.deepEqual([countBefore, callsOf('streams').length], [2, 3]);
	// The pace set from outside is not reported: the screen knows it.
	assert.equal(results[1]?.ok && results[1].everyMs, undefined);
});

test('poller - lifting a least period polls at once when overdue', async () => {
	const {poller, clock, callsOf, last} = setup({endpoints: ['streams']});
	poller.setEndpointLeastEveryMs('streams', 5000);
	poller.start();
	last('streams').resolve([]);
	await clock.advance(1000);
	last('streams').resolve([]);
	await clock.advance(2000);
	const countBefore = callsOf('streams').length;
	poller.setEndpointLeastEveryMs('streams', 0);
	await clock.advance(0);

	assert.deepEqual([countBefore, callsOf('streams').length], [2, 3]);
});

test('poller - a plain Error from the client becomes an ApiError', async () => {
	const {poller, clock, last, results} = setup({endpoints: ['online']});
	poller.start();
	last('online').reject(new TypeError('boom'));
	await clock.advance(0);
	const [result] = results;

	assert.ok(result && !result.ok && result.error instanceof ApiError);
	assert.equal(result.error.kind, 'network');
});

test('poller - real timers do not hold the process', async () => {
	const countTimers = () =>
		process
			.getActiveResourcesInfo()
			.filter(resource => resource === 'Timeout').length;
	const before = countTimers();
	const results: PollResult[] = [];
	const {client} = createFakeClient();
	const poller = createPoller({
		client: {...client, traffic: async () => new Map()},
		intervalMs: 60_000,
		endpoints: ['traffic'],
		onResult(result) {
			results.push(result);
		},
	});
	poller.start();
	await nextTurn();
	const during = countTimers();
	poller.stop();

	assert.equal(results.length, 1);
	assert.equal(during, before);
});

test('poller - a slow large stream dump is asked for less often', async () => {
	const {poller, clock, callsOf, last, results} = setup({
		endpoints: ['streams'],
	});
	poller.start();
	await clock.advance(500);
	last('streams').resolve(
		Array.from({length: largeDumpStreams}, () => streamEntry()),
	);
	await clock.advance(0);
	// 500 ms to answer: asked again 5 s after the last ask, not after 1 s.
	await clock.advance(4400);
	assert.equal(callsOf('streams').length, 1);
	await clock.advance(200);
	assert.equal(callsOf('streams').length, 2);
	assert.equal(results[0]?.ok && results[0].everyMs, 5000);
});

test('poller - a slow small stream dump keeps the interval', async () => {
	const {poller, clock, callsOf, last, results} = setup({
		endpoints: ['streams'],
	});
	poller.start();
	await clock.advance(500);
	last('streams').resolve([streamEntry()]);
	await clock.advance(500);

	assert.equal(callsOf('streams').length, 2);
	assert.equal(results[0]?.ok && results[0].everyMs, undefined);
});

test('poller - once the server answers again, backed-off endpoints ask at once', async () => {
	const {poller, clock, callsOf, last} = setup({
		endpoints: ['traffic', 'streams'],
	});
	poller.start();
	for (let failure = 0; failure < 3; failure++) {
		last('traffic').reject(apiError('refused', 'traffic'));
		last('streams').reject(apiError('refused', 'streams'));
		// eslint-disable-next-line no-await-in-loop
		await clock.advance(2 ** failure * 1000);
	}

	// Streams now wait 8 s more; traffic gets an answer meanwhile.
	last('streams').reject(apiError('refused', 'streams'));
	await clock.advance(0);
	const streamsBefore = callsOf('streams').length;
	last('traffic').resolve(new Map());
	await clock.advance(0);

	assert.equal(callsOf('streams').length, streamsBefore + 1);
	// Only once: a failing endpoint goes on with its own backoff after.
	last('streams').reject(apiError('refused', 'streams'));
	await clock.advance(1000);
	assert.equal(callsOf('streams').length, streamsBefore + 1);
});

test('poller - waits while any request is out, and not in the report of the last', async () => {
	const waiting: boolean[] = [];
	const {poller, clock, last} = setup({
		onResult() {
			waiting.push(poller.isWaiting());
		},
	});
	assert.equal(poller.isWaiting(), false);
	poller.start();
	assert.equal(poller.isWaiting(), true);
	last('streams').resolve([]);
	last('traffic').resolve(new Map());
	await clock.advance(0);
	assert.equal(poller.isWaiting(), true);
	last('online').reject(apiError('network', 'online'));
	await clock.advance(0);

	assert.deepEqual(waiting, [true, true, false]);
	assert.equal(poller.isWaiting(), false);
});
