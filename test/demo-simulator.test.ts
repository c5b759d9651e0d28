import assert from 'node:assert/strict';
import {test} from 'node:test';

import {
	createSimulator,
	type SimulatorOptions,
} from '../source/demo/simulator.js';
import {StatsStore} from '../source/demo/stats-store.js';

const tickMs = 250;

// A store on a clock that moves only with the ticks, so runs can repeat.
const simulate = (
	options: Omit<SimulatorOptions, 'store' | 'now'>,
	ticks: number,
) => {
	let nowMs = Date.UTC(2024, 0, 1);
	const store = new StatsStore({now: () => nowMs});
	const simulator = createSimulator({...options, store});
	const advance = (count: number): void => {
		for (let index = 0; index < count; index++) {
			nowMs += tickMs;
			simulator.tick(tickMs);
		}
	};

	advance(ticks);

	return {store, advance};
};

const snapshot = (store: StatsStore) => ({
	traffic: store.traffic(),
	online: store.online(),
	streams: store.streams().map(stream => ({...stream})),
});

const hasControlCharacter = (text: string): boolean =>
	/[\u0000-\u001F\u007F]/.test(text);

test('simulator - repeats the same traffic for the same seed', () => {
	const first = simulate({seed: 42, users: 30}, 40);
	const second = simulate({seed: 42, users: 30}, 40);
	assert.deepEqual(snapshot(first.store), snapshot(second.store));
	assert.ok(first.store.traffic().length > 0);
});

test('simulator - tells another story for another seed', () => {
	const first = simulate({seed: 1, users: 30}, 40);
	const second = simulate({seed: 2, users: 30}, 40);
	assert.notDeepEqual(first.store.traffic(), second.store.traffic());
});

test('simulator - keeps the requested number of open streams', () => {
	const {store} = simulate({seed: 5, users: 200, streams: 5000}, 20);
	assert.equal(store.streams().length, 5000);
});

test('simulator - moves streams through init, connect and estab', () => {
	const {store} = simulate({seed: 9, users: 40}, 1);
	const states = new Set(store.streams().map(stream => stream.state));
	assert.ok(states.has('estab'));
	assert.ok(states.has('init') || states.has('connect') || states.has('hook'));
});

test('simulator - varies ids and sniffed addresses', () => {
	const {store} = simulate({seed: 3, users: 40}, 20);
	const ids = store.online().map(entry => entry.userId);
	const streams = store.streams();
	assert.ok(ids.some(id => /[^\u0000-\u007F]/.test(id)));
	assert.ok(streams.some(stream => stream.hookedReqAddr !== ''));
});

test('simulator - writes no control characters by default', () => {
	const {store} = simulate({seed: 3, users: 100}, 20);
	const texts = store
		.streams()
		.flatMap(stream => [stream.auth, stream.reqAddr, stream.hookedReqAddr]);
	assert.ok(!texts.some(text => hasControlCharacter(text)));
	assert.ok(!store.online().some(entry => hasControlCharacter(entry.userId)));
});

test('simulator - writes control characters when asked to', () => {
	const {store} = simulate(
		{seed: 3, users: 40, withControlCharacters: true},
		1,
	);
	const ids = store.traffic().map(entry => entry.userId);
	assert.ok(ids.some(id => hasControlCharacter(id)));
});

test('simulator - a kicked device reconnects a few seconds later', () => {
	const {store, advance} = simulate({seed: 11, users: 40}, 4);
	// The busiest user is sure to move bytes on the next tick.
	const busiest = store
		.traffic()
		.reduce((top, entry) => (entry.rx > top.rx ? entry : top));
	const devicesOf = () =>
		store.online().find(entry => entry.userId === busiest.userId)?.devices ??
		0;
	const before = devicesOf();
	store.kick([busiest.userId]);
	advance(1);
	assert.equal(devicesOf(), before - 1);
	advance(Math.ceil(6000 / tickMs));
	assert.equal(devicesOf(), before);
});

test('simulator - start ticks on a timer until stopped', t => {
	t.mock.timers.enable({apis: ['setInterval']});
	let nowMs = 0;
	const store = new StatsStore({now: () => nowMs});
	const simulator = createSimulator({store, seed: 4, users: 20});
	const before = JSON.stringify(store.traffic());
	simulator.start(100);
	nowMs += 100;
	t.mock.timers.tick(100);
	const during = JSON.stringify(store.traffic());
	simulator.stop();
	nowMs += 100;
	t.mock.timers.tick(100);
	assert.notEqual(during, before);
	assert.equal(JSON.stringify(store.traffic()), during);
});
