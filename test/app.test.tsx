import assert from 'node:assert/strict';
import {mkdtemp} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, test} from 'node:test';

import {cleanup, render} from 'ink-testing-library';

import {ApiError} from '../source/api/api-error.js';
import {App} from '../source/ui/app.js';
import {createFakeClient, streamEntry} from './helpers/fake-client.js';
import {waitFor} from './helpers/wait-for.js';

const keys = {down: '\u001B[B', tab: '\t', escape: '\u001B'};
const ledgerFolder = await mkdtemp(join(tmpdir(), 'hytop-app-'));

afterEach(() => {
	cleanup();
});

const startApp = (isReadOnly = false) => {
	const fake = createFakeClient({
		traffic: new Map([
			['alice', {tx: 1000, rx: 5000}],
			['bob', {tx: 10, rx: 20}],
		]),
		online: new Map([
			['alice', 2],
			['carol', 1],
		]),
		streams: [streamEntry({reqAddr: 'video.example:443'})],
	});
	const servers = [{name: 'local', client: fake.client}];
	const view = render(
		<App
			servers={servers}
			intervalMs={200}
			isDemo={false}
			isReadOnly={isReadOnly}
			ledgerPath={join(ledgerFolder, 'ledger.jsonl')}
		/>,
	);
	const frame = () => view.lastFrame() ?? '';
	const waitForText = async (text: string) =>
		waitFor(frame, value => value.includes(text));
	return {...fake, view, frame, waitForText};
};

test('app - shows users, online devices and streams from the server', async () => {
	const app = startApp();
	const frame = await app.waitForText('video.example:443');
	assert.match(frame, /alice/);
	assert.match(frame, /carol/);
	assert.match(frame, /online 2 users, 3 devices/);
});

test('app - a user with traffic who is offline is shown as off', async () => {
	const app = startApp();
	const frame = await app.waitForText('bob');
	const bobLine = frame.split('\n').find(line => line.includes('bob'));
	assert.match(bobLine ?? '', /off\s*$/);
});

test('app - k then y kicks the user chosen at the keypress', async () => {
	const app = startApp();
	await app.waitForText('alice');
	app.view.stdin.write('k');
	const dialog = await app.waitForText('Kick this user?');
	const chosen = /"([^"]+)" \(/.exec(dialog)?.[1];
	// Rows re-sort between the keypress and the answer.
	app.server.traffic.set('bob', {tx: 9e9, rx: 9e9});
	await waitFor(app.frame, frame => /up [1-9]/.test(frame));
	app.view.stdin.write('y');
	await waitFor(() => app.server.kicks.length, count => count === 1);
	assert.deepEqual(app.server.kicks, [[chosen]]);
	await app.waitForText('kick sent');
});

test('app - any key but y cancels a kick', async () => {
	const app = startApp();
	await app.waitForText('alice');
	app.view.stdin.write('k');
	await app.waitForText('Kick this user?');
	app.view.stdin.write('n');
	await app.waitForText('kick cancelled');
	assert.equal(app.server.kicks.length, 0);
});

test('app - says dropped only once /online shows fewer devices', async () => {
	const app = startApp();
	await app.waitForText('alice');
	app.view.stdin.write('k');
	await app.waitForText('"alice" (2 devices online)');
	app.view.stdin.write('y');
	await app.waitForText('kick sent');
	assert.doesNotMatch(app.frame(), /dropped/);
	app.server.online.set('alice', 1);
	await app.waitForText('"alice": 1 of 2 device(s) dropped, kicking again');
});

test('app - clear asks first and sends clear only on y', async () => {
	const app = startApp();
	await app.waitForText('alice');
	app.view.stdin.write('c');
	await app.waitForText('billing');
	app.view.stdin.write('x');
	await app.waitForText('clear cancelled');
	assert.equal(app.server.clears, 0);
	app.view.stdin.write('c');
	await app.waitForText('billing');
	app.view.stdin.write('y');
	await app.waitForText('cleared (2 users');
	assert.equal(app.server.clears, 1);
});

test('app - read-only refuses kick and clear', async () => {
	const app = startApp(true);
	await app.waitForText('alice');
	app.view.stdin.write('k');
	await app.waitForText('kick is disabled');
	assert.equal(app.server.kicks.length, 0);
});

test('app - tab moves the keys to the streams pane', async () => {
	const app = startApp();
	await app.waitForText('video.example:443');
	app.view.stdin.write(keys.tab);
	await app.waitForText('▸ Streams');
	app.view.stdin.write('k');
	const frame = await app.waitForText('Kick this user?');
	assert.match(frame, /"alice" \(2 devices online\)/);
});

test('app - a failed kick is reported as an error', async () => {
	const app = startApp();
	await app.waitForText('alice');
	app.server.failWith = new ApiError('refused', 'kick', 'kick: refused');
	app.view.stdin.write('k');
	await app.waitForText('Kick this user?');
	app.view.stdin.write('y');
	await app.waitForText('failed');
	assert.doesNotMatch(app.frame(), /kick sent|dropped/);
});

test('app - keeps the last data and marks it stale when the server fails', async () => {
	const app = startApp();
	await app.waitForText('alice');
	app.server.failWith = new ApiError(
		'refused',
		'traffic',
		'traffic: connection refused',
	);
	const frame = await app.waitForText('stale');
	assert.match(frame, /alice/);
});

test('app - ? shows every key and any key closes it', async () => {
	const app = startApp();
	await app.waitForText('alice');
	app.view.stdin.write('?');
	const help = await app.waitForText('Keys');
	assert.match(help, /pause/);
	app.view.stdin.write(keys.escape);
	await waitFor(app.frame, frame => !frame.includes('any key closes this'));
});

test('app - the stream dump is asked every 5 s until its pane has focus', async () => {
	const app = startApp();
	const calls = {traffic: 0, streams: 0};
	const {traffic, streams} = app.client;
	app.client.traffic = async options => {
		calls.traffic++;
		return traffic(options);
	};

	app.client.streams = async () => {
		calls.streams++;
		return streams();
	};

	await app.waitForText('video.example:443');
	await waitFor(() => calls.traffic, count => count >= 6);
	const streamsWhileUnfocused = calls.streams;
	const unfocused = app.frame();
	app.view.stdin.write(keys.tab);
	const focused = await app.waitForText('▸ Streams');
	await waitFor(() => calls.streams, count => count >= 4);

	assert.match(unfocused, /refreshed every 5\.0s \(Tab: watch\)/);
	// At once, not after the next dump: a small one is never "large".
	assert.doesNotMatch(focused, /refreshed every/);
	// The first dump was asked at start, before the counting began; the
	// second follows at the interval, for the first rates.
	assert.equal(streamsWhileUnfocused, 1);
});

test('app - streams kept from a failing dump are marked stale', async () => {
	const app = startApp();
	await app.waitForText('video.example:443');
	app.view.stdin.write(keys.tab);
	await app.waitForText('▸ Streams');
	const {streams} = app.client;
	app.client.streams = async () => {
		throw new ApiError(
			'invalid-response',
			'streams',
			'/dump/streams: response is not JSON',
		);
	};

	const frame = await app.waitForText('stale: data');
	const title = frame.split('\n').find(line => line.includes('▸ Streams'));
	assert.match(title ?? '', /stale: data \d+s old/);
	assert.match(frame, /video\.example:443/);

	app.client.streams = streams;
	await waitFor(app.frame, value => !value.includes('stale: data'));
});

test('app - while paused the footer offers p to resume', async () => {
	const app = startApp();
	await app.waitForText('  p pause  ');
	app.view.stdin.write('p');
	const paused = await app.waitForText('  p resume  ');
	assert.doesNotMatch(paused, / {2}p pause {2}/);
	app.view.stdin.write('p');
	await app.waitForText('  p pause  ');
});

test('app - a round of answers is drawn once its last one is in', async () => {
	const fake = createFakeClient({online: new Map([['alice', 1]])});
	const view = render(
		<App
			servers={[{name: 'local', client: fake.client}]}
			// Polls only at the start and when asked; frames without news
			// come once a second.
			intervalMs={60_000}
			isDemo={false}
			isReadOnly={false}
			ledgerPath={join(ledgerFolder, 'ledger.jsonl')}
		/>,
	);
	const frame = () => view.lastFrame() ?? '';
	await waitFor(frame, value => value.includes('alice'));
	// Resuming polls at once; a round that comes most of a second after the
	// last one is drawn at once. A frame drawn only at a once-a-second tick
	// would come within the wait below about one time in four: three rounds
	// make that about one in sixty.
	for (const user of ['dave', 'erin', 'frank']) {
		fake.server.online.set(user, 1);
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 800);
		});
		view.stdin.write('p');
		// eslint-disable-next-line no-await-in-loop
		await waitFor(frame, value => value.includes('p resume'));
		view.stdin.write('p');
		// eslint-disable-next-line no-await-in-loop
		await waitFor(frame, value => value.includes(user), 250);
	}
});
