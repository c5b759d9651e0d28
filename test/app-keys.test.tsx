import assert from 'node:assert/strict';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';

import {cleanup, render} from 'ink-testing-library';

import type {StatsClient} from '../source/api/client-contract.js';
import {App} from '../source/ui/app.js';
import {createFakeClient, streamEntry} from './helpers/fake-client.js';
import {waitFor} from './helpers/wait-for.js';

// Every key of the cockpit against a server held in memory.

const keys = {escape: '\u001B', enter: '\r', down: '\u001B[B'};
const folder = await mkdtemp(join(tmpdir(), 'hytop-keys-'));

afterEach(() => {
	cleanup();
});

const startApp = (intervalMs = 200) => {
	const fake = createFakeClient({
		traffic: new Map([
			['alice', {tx: 1000, rx: 5000}],
			['bob', {tx: 10, rx: 20}],
			['carol', {tx: 0, rx: 0}],
		]),
		online: new Map([
			['alice', 2],
			['bob', 1],
		]),
		streams: [
			streamEntry({auth: 'alice', reqAddr: 'video.example:443'}),
			streamEntry({auth: 'bob', connection: 2, reqAddr: 'mail.example:993'}),
		],
	});
	const servers = [{name: 'local', client: fake.client}];
	const view = render(
		<App
			servers={servers}
			intervalMs={intervalMs}
			isDemo={false}
			isReadOnly={false}
			ledgerPath={join(folder, 'ledger.jsonl')}
		/>,
	);
	const frame = () => view.lastFrame() ?? '';
	const waitForText = async (text: string | RegExp) =>
		waitFor(frame, value =>
			typeof text === 'string' ? value.includes(text) : text.test(value),
		);
	// The users pane's rows: between its title and the streams pane's.
	const userOrder = () => {
		const lines = frame().split('\n');
		const start = lines.findIndex(line => /Users \d/.test(line));
		const end = lines.findIndex(line => /Streams \d/.test(line));
		return lines
			.slice(start + 1, end === -1 ? undefined : end)
			.map(line => /^[\s>]*\*?\s*(alice|bob|carol)\b/.exec(line)?.[1])
			.filter(Boolean);
	};
	// Keeps traffic moving so that rates rank users as given, busiest first.
	const rank = (...ids: string[]) => {
		for (const [index, id] of ids.entries()) {
			fake.server.growth.set(id, (ids.length - index) * 1_000_000);
		}
	};

	return {...fake, view, frame, waitForText, userOrder, rank};
};

test('keys / - filters every pane by user or address, case-insensitively', async () => {
	const app = startApp();
	await app.waitForText('mail.example:993');
	app.view.stdin.write('/');
	await app.waitForText('filter: ');
	app.view.stdin.write('VIDEO');
	const frame = await app.waitForText('filter: VIDEO');
	// Nothing wider than the terminal follows the filter: no cut mark.
	const filterLine = frame.split('\n').find(line => line.includes('filter: '));
	assert.doesNotMatch(filterLine ?? '', /…/);
	await waitFor(app.frame, value => !value.includes('mail.example:993'));
	assert.deepEqual(app.userOrder(), ['alice']);
	assert.match(frame, /video\.example:443/);
});

test('keys / - a leading ! inverts the filter, Esc clears it', async () => {
	const app = startApp();
	await app.waitForText('carol');
	app.view.stdin.write('/!alice');
	await app.waitForText('filter: !alice');
	await waitFor(app.userOrder, order => order.length === 2);
	assert.deepEqual([...app.userOrder()].sort(), ['bob', 'carol']);
	app.view.stdin.write(keys.escape);
	await waitFor(app.userOrder, order => order.length === 3);
	assert.doesNotMatch(app.frame(), /filter:/);
});

test('keys < > - choose the sort column, r reverses it', async () => {
	const app = startApp();
	await app.waitForText('carol');
	app.view.stdin.write('<');
	await app.waitForText('by user');
	assert.deepEqual(app.userOrder(), ['carol', 'bob', 'alice']);
	app.view.stdin.write('r');
	await waitFor(app.userOrder, order => order[0] === 'alice');
	assert.deepEqual(app.userOrder(), ['alice', 'bob', 'carol']);
	app.view.stdin.write('>');
	await app.waitForText('by total rate');
});

test('keys - the selection stays on its user while rows re-sort', async () => {
	const app = startApp();
	await app.waitForText('carol');
	app.rank('alice', 'bob', 'carol');
	await waitFor(app.userOrder, order => order.join() === 'alice,bob,carol');
	app.view.stdin.write(keys.down);
	app.view.stdin.write(' ');
	await waitFor(app.frame, value => /\*\s+bob/.test(value));
	app.rank('carol', 'bob', 'alice');
	await waitFor(app.userOrder, order => order[0] === 'carol');
	app.view.stdin.write('k');
	const dialog = await app.waitForText('Kick this user?');
	assert.match(dialog, /"bob" \(1 device online\)/);
});

test('keys Enter - zooms in on the user’s devices and streams, Esc goes back', async () => {
	const app = startApp();
	await app.waitForText('mail.example:993');
	app.view.stdin.write(keys.enter);
	const zoomed = await app.waitForText('Zoom: "alice"');
	assert.match(zoomed, /Devices with open streams/);
	assert.doesNotMatch(zoomed, /mail\.example:993/);
	app.view.stdin.write(keys.escape);
	await app.waitForText('mail.example:993');
});

test('keys u - cycles bytes IEC, bytes SI and bits', async () => {
	const app = startApp();
	app.rank('alice', 'bob', 'carol');
	await app.waitForText('MiB/s');
	app.view.stdin.write('u');
	await app.waitForText('MB/s');
	app.view.stdin.write('u');
	await app.waitForText('Mbit/s');
	app.view.stdin.write('u');
	await app.waitForText('MiB/s');
});

test('keys + - - change the poll interval in 0.5 s steps, never below 0.5 s', async () => {
	const app = startApp(1000);
	await app.waitForText('carol');
	app.view.stdin.write('+');
	await app.waitForText('· every 1.5s');
	app.view.stdin.write('-');
	app.view.stdin.write('-');
	app.view.stdin.write('-');
	await app.waitForText('· every 0.5s');
	assert.doesNotMatch(app.frame(), /every 0s/);
});

test('keys Space - marks users, and k kicks every marked one', async () => {
	const app = startApp();
	await app.waitForText('carol');
	app.rank('alice', 'bob', 'carol');
	await waitFor(app.userOrder, order => order.join() === 'alice,bob,carol');
	app.view.stdin.write(' ');
	app.view.stdin.write(keys.down);
	app.view.stdin.write(' ');
	await waitFor(app.frame, value => /\*\s+bob/.test(value) && /\*\s+alice/.test(value));
	app.view.stdin.write('k');
	const dialog = await app.waitForText('Kick these 2 users?');
	assert.match(dialog, /"alice" \(2 devices online\)/);
	assert.match(dialog, /"bob" \(1 device online\)/);
	app.view.stdin.write('y');
	await waitFor(() => app.server.kicks.length, count => count >= 2);
	assert.deepEqual(app.server.kicks.flat().sort(), ['alice', 'bob']);
});

test('keys k - the kick dialog defaults to No', async () => {
	const app = startApp();
	await app.waitForText('carol');
	app.view.stdin.write('k');
	await app.waitForText('no (default)');
	app.view.stdin.write(keys.enter);
	await app.waitForText('kick cancelled');
	assert.equal(app.server.kicks.length, 0);
});

test('keys c then z - resets only hytop’s session totals, not the server', async () => {
	const app = startApp();
	await app.waitForText('carol');
	app.rank('alice', 'bob', 'carol');
	await waitFor(app.frame, value => /alice.*\d+(\.\d)? MiB\s+\d/.test(value));
	app.view.stdin.write('c');
	await app.waitForText('z: reset only');
	app.view.stdin.write('z');
	await app.waitForText('session totals and graphs reset (server untouched)');
	assert.equal(app.server.clears, 0);
});

test('keys z - resets the session column to zero', async () => {
	const app = startApp();
	await app.waitForText('carol');
	app.rank('alice', 'bob', 'carol');
	const sessionOfAlice = () =>
		/alice.*\s(\S+ \S*B)\s+\d\s*$/m.exec(app.frame())?.[1];
	await waitFor(sessionOfAlice, value => value !== undefined && value !== '0 B');
	// Traffic stops, so the reset is not hidden by new bytes.
	app.server.growth.clear();
	app.view.stdin.write('z');
	await waitFor(sessionOfAlice, value => value === '0 B');
	assert.equal(app.server.clears, 0);
});

test('keys - events say who joined and whose devices dropped', async () => {
	const app = startApp();
	await app.waitForText('carol');
	app.server.online.set('carol', 1);
	app.server.online.set('alice', 1);
	await app.waitForText('"carol" joined');
	await app.waitForText('"alice": device dropped (1 online)');
});

test('keys - a sparkline of the last minute appears beside users', async () => {
	const app = startApp();
	await app.waitForText('LAST MINUTE');
	app.rank('alice', 'bob', 'carol');
	await waitFor(app.frame, value => /alice\s+[▁▂▃▄▅▆▇█]*[▂▃▄▅▆▇█]/.test(value));
});

/** The app on `client`'s 1,200 streams, with the streams pane focused. */
const focusStreams = async (client: StatsClient) => {
	const view = render(
		<App
			servers={[{name: 'local', client}]}
			intervalMs={200}
			isDemo={false}
			isReadOnly={false}
			ledgerPath={join(folder, 'ledger.jsonl')}
		/>,
	);
	const frame = () => view.lastFrame() ?? '';
	await waitFor(frame, value => value.includes('of 1200'));
	view.stdin.write('\t');
	await waitFor(frame, value => value.includes('▸ Streams'));
	return {view, frame};
};

test('keys End - reaches the true last stream of a list too long to sort whole', async () => {
	const fake = createFakeClient({
		traffic: new Map([['u', {tx: 1, rx: 1}]]),
		online: new Map([['u', 1]]),
		streams: Array.from({length: 1200}, (_, index) =>
			streamEntry({
				auth: 'u',
				connection: index,
				reqAddr: `host-${index}.example:443`,
			}),
		),
	});
	const {view, frame} = await focusStreams(fake.client);
	view.stdin.write('\u001B[F');
	const end = await waitFor(frame, value => /^>.*host-1199\./m.test(value));
	assert.match(end, /1\d{3}-1200 of 1200/);
});

test('keys End - the last stream is the last of the order shown, ties and all', async () => {
	// Idle streams tie on rate: the order a sort by user left decides.
	const fake = createFakeClient({
		traffic: new Map([['u0000', {tx: 1, rx: 1}]]),
		online: new Map([['u0000', 1]]),
		streams: Array.from({length: 1200}, (_, index) =>
			streamEntry({
				auth: `u${String(index).padStart(4, '0')}`,
				connection: index,
			}),
		),
	});
	const {view, frame} = await focusStreams(fake.client);
	view.stdin.write('<<');
	await waitFor(frame, value => /USER▼/.test(value) && /^>u1199/m.test(value));
	view.stdin.write('>>');
	await waitFor(frame, value => /Streams [^\n]* by total rate/.test(value));
	view.stdin.write('\u001B[F');
	const end = await waitFor(frame, value => /\d+-1200 of 1200/.test(value));
	assert.match(end, /^>u0999/m);
});
