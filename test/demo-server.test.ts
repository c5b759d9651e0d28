import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';

import {startDemoServer} from '../source/demo/demo-server.js';
import {startStatsServer} from '../source/demo/stats-server.js';
import {StatsStore} from '../source/demo/stats-store.js';

const secret = 'swordfish';
// A fixed clock, so that the text table's durations are known.
const clockMs = Date.UTC(2024, 4, 6, 7, 8, 9, 500);

type CallInit = RequestInit & {readonly auth?: string};

type Served = {
	readonly store: StatsStore;
	call(path: string, init?: CallInit): Promise<Response>;
	kick(body: string): Promise<Response>;
	online(): Promise<unknown>;
};

// A fresh server and store per test, closed when the test ends.
const serve = async (context: TestContext): Promise<Served> => {
	const store = new StatsStore({now: () => clockMs});
	const server = await startStatsServer({store, secret});
	context.after(async () => server.close());

	const call = async (path: string, init: CallInit = {}) => {
		const headers = new Headers(init.headers);
		const auth = init.auth ?? secret;
		if (auth !== '') {
			headers.set('Authorization', auth);
		}

		return fetch(server.url + path, {...init, headers});
	};

	return {
		store,
		call,
		kick: async body => call('/kick', {method: 'POST', body}),
		online: async () => (await call('/online')).json(),
	};
};

const paths = ['/', '/traffic', '/kick', '/online', '/dump/streams', '/nope'];

test('auth - answers 401 on every path without the secret', async t => {
	const {call} = await serve(t);
	for (const path of paths) {
		for (const method of ['GET', 'POST']) {
			const response = await call(path, {method, auth: ''});
			assert.equal(response.status, 401, `${method} ${path}`);
			assert.equal(await response.text(), 'unauthorized\n');
		}
	}
});

test('auth - answers 401 to a wrong or Bearer-prefixed secret', async t => {
	const {call} = await serve(t);
	for (const auth of ['wrong', `Bearer ${secret}`, `${secret}x`]) {
		const response = await call('/traffic', {auth});
		assert.equal(response.status, 401, auth);
		assert.equal(
			response.headers.get('content-type'),
			'text/plain; charset=utf-8',
		);
	}
});

test('auth - ignores the header when no secret is configured', async t => {
	const server = await startStatsServer({store: new StatsStore()});
	t.after(async () => server.close());
	const response = await fetch(server.url + '/traffic', {
		headers: {Authorization: 'anything'},
	});
	assert.equal(response.status, 200);
	assert.equal(await response.text(), '{}');
});

test('routing - answers 404 to a wrong method or path', async t => {
	const {call} = await serve(t);
	const wrong: Array<[string, string]> = [
		['POST', '/traffic'],
		['GET', '/kick'],
		['GET', '/traffic/'],
		['GET', '/dump'],
		['DELETE', '/online'],
	];
	for (const [method, path] of wrong) {
		const response = await call(path, {method});
		assert.equal(response.status, 404, `${method} ${path}`);
		assert.equal(await response.text(), '404 page not found\n');
	}
});

test('index - serves a small HTML page', async t => {
	const {call} = await serve(t);
	const response = await call('/');
	assert.equal(
		response.headers.get('content-type'),
		'text/html; charset=utf-8',
	);
	assert.match(await response.text(), /traffic stats api server/i);
});

test('traffic - sorts keys by code point, no trailing newline', async t => {
	const {store, call} = await serve(t);
	for (const userId of ['zoë', '🦊', 'alice', '\uFF21', 'R&D']) {
		store.addConnectionTraffic(store.connect(userId), 10, 20);
	}

	const response = await call('/traffic');
	assert.equal(
		response.headers.get('content-type'),
		'application/json; charset=utf-8',
	);
	assert.equal(
		await response.text(),
		'{"R\\u0026D":{"tx":10,"rx":20},"alice":{"tx":10,"rx":20},' +
			'"zoë":{"tx":10,"rx":20},"\uFF21":{"tx":10,"rx":20},' +
			'"🦊":{"tx":10,"rx":20}}',
	);
});

test('traffic - clear returns the values and empties the map', async t => {
	const {store, call} = await serve(t);
	const connection = store.connect('alice');
	store.addConnectionTraffic(connection, 5, 7);
	const cleared = await call('/traffic?clear=1');
	assert.equal(await cleared.text(), '{"alice":{"tx":5,"rx":7}}');
	store.addConnectionTraffic(connection, 1, 2);
	const after = await (await call('/traffic')).text();
	assert.equal(after, '{"alice":{"tx":1,"rx":2}}');
});

test('traffic - clear takes the values ParseBool reads as true', async t => {
	const {store, call} = await serve(t);
	const connection = store.connect('alice');
	for (const value of ['1', 't', 'T', 'TRUE', 'true', 'True']) {
		store.addConnectionTraffic(connection, 1, 1);
		await call(`/traffic?clear=${value}`);
		assert.equal(await (await call('/traffic')).text(), '{}', value);
	}
});

test('traffic - other clear values leave the counters', async t => {
	const {store, call} = await serve(t);
	store.addConnectionTraffic(store.connect('alice'), 1, 1);
	const values = ['0', 'false', 'False', 'yes', 'tRUE', '', '%20true'];
	for (const value of values) {
		await call(`/traffic?clear=${value}`);
	}

	const body = await (await call('/traffic')).text();
	assert.equal(body, '{"alice":{"tx":1,"rx":1}}');
});

test('online - counts devices per user in key order', async t => {
	const {store, call} = await serve(t);
	store.connect('bob');
	store.connect('alice');
	store.connect('bob');
	const response = await call('/online');
	assert.equal(await response.text(), '{"alice":1,"bob":2}');
});

test('kick - answers 200 with an empty body', async t => {
	const {kick} = await serve(t);
	const response = await kick('["alice","bob"]');
	assert.equal(response.status, 200);
	assert.equal(await response.text(), '');
});

test('kick - answers 400 with the decoder message on bad JSON', async t => {
	const {kick} = await serve(t);
	for (const body of ['', '["alice"', '{"id":"alice"}', '["a",1]']) {
		const response = await kick(body);
		assert.equal(response.status, 400, body);
		assert.notEqual((await response.text()).trim(), '', body);
	}
});

test('kick - drops one device per entry at its next byte', async t => {
	const {store, kick, online} = await serve(t);
	const devices = [1, 2, 3].map(() => store.connect('alice'));
	const stream = store.openStream(devices[1]!, {reqAddr: 'a.example:443'});
	await kick('["alice","alice"]');
	assert.deepEqual(await online(), {alice: 3});
	assert.equal(store.addStreamTraffic(stream, 10, 10), false);
	assert.deepEqual(await online(), {alice: 2});
	assert.equal(stream.isOpen, false);
	assert.equal(store.addConnectionTraffic(devices[0]!, 1, 1), true);
});

test('kick - an entry for an absent user waits for its traffic', async t => {
	const {store, kick, online} = await serve(t);
	await kick('["carol"]');
	const device = store.connect('carol');
	assert.deepEqual(await online(), {carol: 1});
	assert.equal(store.addConnectionTraffic(device, 0, 0), true);
	assert.equal(store.addConnectionTraffic(device, 1, 0), false);
	assert.deepEqual(await online(), {});
});

test('kick - the refused bytes are not counted', async t => {
	const {store, call, kick} = await serve(t);
	await kick('["dave"]');
	store.addConnectionTraffic(store.connect('dave'), 100, 100);
	assert.equal(await (await call('/traffic')).text(), '{}');
});

const addStreams = (store: StatsStore): void => {
	const bob = store.connect('bob');
	const alice = store.connect('alice');
	const first = store.openStream(bob, {
		reqAddr: '203.0.113.10:443',
		initialAtMs: clockMs - 62_500,
	});
	store.setStreamState(first, 'estab', 'www.example.com:443');
	store.addStreamTraffic(first, 300, 4000);
	store.openStream(bob, {reqAddr: 'b.example:80', initialAtMs: clockMs});
	store.openStream(alice, {reqAddr: 'a.example:22', initialAtMs: clockMs});
};

test('streams - answers an empty list with a newline', async t => {
	const {call} = await serve(t);
	const response = await call('/dump/streams');
	assert.equal(await response.text(), '{"streams":[]}\n');
});

test('streams - sorts by auth, connection and stream', async t => {
	const {store, call} = await serve(t);
	addStreams(store);
	const {streams} = (await (await call('/dump/streams')).json()) as {
		streams: Array<{auth: string; stream: number}>;
	};
	const order = streams.map(({auth, stream}) => `${auth}/${stream}`);
	assert.deepEqual(order, ['alice/4', 'bob/4', 'bob/8']);
});

test('streams - writes the fields and RFC 3339 times', async t => {
	const {store, call} = await serve(t);
	addStreams(store);
	const body = await (await call('/dump/streams')).text();
	const entry = /{"state":"estab".*?}/.exec(body)?.[0] ?? '';
	const time = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,9})?';
	const pattern = new RegExp(
		'^{"state":"estab","auth":"bob","connection":\\d+,"stream":4,' +
			'"req_addr":"203.0.113.10:443",' +
			'"hooked_req_addr":"www.example.com:443","tx":300,"rx":4000,' +
			`"initial_at":"${time}(Z|[+-]\\d\\d:\\d\\d)",` +
			`"last_active_at":"${time}(Z|[+-]\\d\\d:\\d\\d)"}$`,
	);
	assert.match(entry, pattern);
});

test('streams - serves the table when Accept mentions text/plain', async t => {
	const {store, call} = await serve(t);
	addStreams(store);
	const response = await call('/dump/streams', {
		headers: {Accept: 'application/json, text/plain;q=0.9'},
	});
	assert.equal(
		response.headers.get('content-type'),
		'text/plain; charset=utf-8',
	);
	const lines = (await response.text()).split('\n');
	assert.equal(lines.length, 5);
	assert.match(
		lines[2] ?? '',
		new RegExp(
			'^ESTAB {4}bob {14}[\\dA-F]{8} {8}4 {10}300 {9}4000 {7}1m2\\.5s' +
				' {11}0s 203\\.0\\.113\\.10:443 www\\.example\\.com:443$',
		),
	);
});

test('start - refuses a non-loopback host without a secret', async () => {
	await assert.rejects(
		startStatsServer({store: new StatsStore(), host: '0.0.0.0'}),
		/without a secret/,
	);
});

test('demo server - serves simulated traffic behind its secret', async () => {
	const demo = await startDemoServer({secret: 's3', users: 5, seed: 3});
	try {
		const denied = await fetch(demo.url + '/online');
		const online = await fetch(demo.url + '/online', {
			headers: {Authorization: 's3'},
		});
		assert.equal(denied.status, 401);
		assert.notDeepEqual(await online.json(), {});
	} finally {
		await demo.close();
	}
});
