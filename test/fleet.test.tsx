import assert from 'node:assert/strict';
import {after, test} from 'node:test';

import {cleanup, render} from 'ink-testing-library';

import {createStatsClient} from '../source/api/http-client.js';
import {startDemoServer} from '../source/demo/demo-server.js';
import {App} from '../source/ui/app.js';
import {waitFor} from './helpers/wait-for.js';

// Three servers at once: alpha wants a secret, beta is killed midway, gamma
// is an older Hysteria without /online and /dump/streams.

const alpha = await startDemoServer({secret: 'alpha-secret', seed: 1, users: 5});
const beta = await startDemoServer({seed: 2, users: 5});
const gamma = await startDemoServer({
	seed: 3,
	users: 5,
	faults: [
		{kind: 'not-found', endpoint: 'online'},
		{kind: 'not-found', endpoint: 'streams'},
	],
});
// One user on every server, moving bytes on each.
const everywhere = [alpha, beta, gamma].map(demo => demo.store.connect('shared-user'));
const traffic = setInterval(() => {
	for (const [index, demo] of [alpha, beta, gamma].entries()) {
		demo.store.addConnectionTraffic(everywhere[index]!, 1000, 1000);
	}
}, 50);

const servers = [
	{name: 'alpha', client: createStatsClient({url: alpha.url, secret: 'alpha-secret'})},
	{name: 'beta', client: createStatsClient({url: beta.url, timeoutMs: 500})},
	{name: 'gamma', client: createStatsClient({url: gamma.url})},
];

after(async () => {
	clearInterval(traffic);
	cleanup();
	await Promise.all(servers.map(async ({client}) => client.close()));
	await Promise.all([alpha.close(), gamma.close()]);
});

const view = render(
	<App
		servers={servers}
		intervalMs={250}
		isDemo={false}
		isReadOnly={false}
		ledgerPath="/nonexistent/ledger.jsonl"
	/>,
);
const frame = () => view.lastFrame() ?? '';
const waitForText = async (text: string | RegExp, timeoutMs?: number) =>
	waitFor(
		frame,
		value => (typeof text === 'string' ? value.includes(text) : text.test(value)),
		timeoutMs,
	);

test('fleet - the header shows every server and what the old one lacks', async () => {
	const screen = await waitForText(/gamma has no \/online or \/dump\/streams/);
	assert.match(screen, /alpha ok · beta ok · gamma ok/);
});

test('fleet - a user on three servers is one row, with streams by server', async () => {
	const screen = await waitForText(/SERVER/);
	const rows = screen.split('\n').filter(line => /^[\s>]*\*?\s*shared-user\s/.test(line));
	assert.equal(rows.length, 1);
	assert.match(screen, /USER/);
});

test('fleet - zoom shows the per-server breakdown', async () => {
	view.stdin.write('/shared-user\r');
	await waitForText('filter: shared-user');
	view.stdin.write('\r');
	const zoomed = await waitForText(/alpha: 1 dev.*beta: 1 dev.*gamma: \? dev/);
	assert.match(zoomed, /Zoom: "shared-user"/);
	view.stdin.write('\u001B');
	await waitForText('▸ Users');
});

test('fleet - kick goes to every server where the user is online', async () => {
	view.stdin.write('k');
	const dialog = await waitForText('Kick this user?');
	assert.match(dialog, /"shared-user" on alpha \(1 device online\)/);
	assert.match(dialog, /"shared-user" on beta \(1 device online\)/);
	view.stdin.write('n');
	await waitForText('kick cancelled');
});

test('fleet - a kick reports per server', async () => {
	view.stdin.write('k');
	await waitForText('Kick this user?');
	view.stdin.write('y');
	const screen = await waitForText(
		/alpha: "shared-user": 1 of 1 device\(s\) dropped/,
	);
	assert.match(screen, /beta: "shared-user": /);
	assert.equal(
		alpha.store.online().find(entry => entry.userId === 'shared-user'),
		undefined,
	);
});

test('fleet - clear asks which servers, and none is ticked at first', async () => {
	view.stdin.write('c');
	const dialog = await waitForText('1: [ ] alpha');
	assert.match(dialog, /2: \[ \] beta/);
	view.stdin.write('2');
	await waitForText('2: [x] beta');
	view.stdin.write('n');
	await waitForText('clear cancelled');
	assert.ok(beta.store.traffic().length > 0);
});

test('fleet - a server killed midway goes stale while the others stay live', async () => {
	await beta.close();
	const screen = await waitForText(/beta unreachable, stale \d+s/, 10_000);
	assert.match(screen, /alpha ok/);
	assert.match(screen, /gamma ok/);
	assert.match(screen, /beta: .*refused/);
});
