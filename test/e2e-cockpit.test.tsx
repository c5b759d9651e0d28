import assert from 'node:assert/strict';
import {mkdtemp, readFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';

import {cleanup, render} from 'ink-testing-library';

import {createStatsClient} from '../source/api/http-client.js';
import {startDemoServer} from '../source/demo/demo-server.js';
import type {StoreConnection} from '../source/demo/stats-store.js';
import {App} from '../source/ui/app.js';
import {waitFor} from './helpers/wait-for.js';

// The cockpit against a real demo server over HTTP, with users made by hand
// in its store (the simulator runs no users here), so every byte is known.

const demo = await startDemoServer({users: 0, seed: 1, tickMs: 100});
const client = createStatsClient({url: demo.url});
const folder = await mkdtemp(join(tmpdir(), 'hytop-cockpit-'));
const ledgerPath = join(folder, 'ledger.jsonl');
const {store} = demo;

// "triple" has three devices that keep moving bytes; "sleepy" has one that
// never does.
const triple: StoreConnection[] = [1, 2, 3].map(() => store.connect('triple'));
store.connect('sleepy');
const traffic = setInterval(() => {
	for (const connection of triple) {
		store.addConnectionTraffic(connection, 100, 1000);
	}
}, 50);

after(async () => {
	clearInterval(traffic);
	cleanup();
	await client.close();
	await demo.close();
});

const openApp = () => {
	const view = render(
		<App
			servers={[{name: 'demo', client}]}
			intervalMs={250}
			isDemo
			isReadOnly={false}
			ledgerPath={ledgerPath}
		/>,
	);
	const frame = () => view.lastFrame() ?? '';
	return {
		view,
		frame,
		waitForText: async (text: string | RegExp, timeoutMs?: number) =>
			waitFor(
				frame,
				value =>
					typeof text === 'string' ? value.includes(text) : text.test(value),
				timeoutMs,
			),
	};
};

const onlineDevices = (userId: string) =>
	store.online().find(entry => entry.userId === userId)?.devices ?? 0;

test('cockpit end to end - a user with three devices is kicked until gone', async () => {
	const app = openApp();
	await app.waitForText('triple');
	app.view.stdin.write('/triple\r');
	await app.waitForText('filter: triple');
	app.view.stdin.write('k');
	await app.waitForText('"triple" (3 devices online)');
	app.view.stdin.write('y');
	await app.waitForText('"triple": 3 of 3 device(s) dropped', 15_000);
	assert.equal(onlineDevices('triple'), 0);
	app.view.unmount();
});

test('cockpit end to end - an idle user’s kick is reported as queued', async () => {
	const app = openApp();
	await app.waitForText('sleepy');
	app.view.stdin.write('/sleepy\r');
	await app.waitForText('filter: sleepy');
	app.view.stdin.write('k');
	await app.waitForText('"sleepy" (1 device online)');
	app.view.stdin.write('y');
	const frame = await app.waitForText(
		'kick queued (user idle, takes effect at its next traffic)',
		15_000,
	);
	assert.doesNotMatch(frame, /"sleepy": \d of/);
	assert.equal(onlineDevices('sleepy'), 1);
	app.view.unmount();
});

test('cockpit end to end - a clear writes the exact pre-clear values to the ledger', async () => {
	const fixed = store.connect('fixed');
	store.addConnectionTraffic(fixed, 12_345, 67_890);
	const app = openApp();
	await app.waitForText('fixed');
	app.view.stdin.write('c');
	await app.waitForText('billing panel');
	app.view.stdin.write('y');
	await app.waitForText(/cleared \(\d+ users' totals saved to the ledger\)/);
	const records = (await readFile(ledgerPath, 'utf8'))
		.trim()
		.split('\n')
		.map(line => JSON.parse(line) as Record<string, unknown>);
	const record = records.find(entry => entry['user'] === 'fixed');
	assert.deepEqual(
		{...record, time: undefined},
		{server: demo.url, user: 'fixed', tx: 12_345, rx: 67_890, time: undefined},
	);
	assert.equal(store.traffic().find(entry => entry.userId === 'fixed'), undefined);
	app.view.unmount();
});
