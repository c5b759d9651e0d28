import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';

import {ApiError} from '../source/api/api-error.js';
import type {StatsClient} from '../source/api/client-contract.js';
import {createStatsClient} from '../source/api/http-client.js';
import type {Fault} from '../source/demo/faults.js';
import {startStatsServer, type StatsServer} from '../source/demo/stats-server.js';
import {StatsStore} from '../source/demo/stats-store.js';

// The real client against the demo server made to misbehave: every fault
// must end in one ApiError of the right kind with a message fit to show.

const secret = 'faulty';

type Served = {
	readonly server: StatsServer;
	readonly store: StatsStore;
	readonly client: StatsClient;
};

const serve = async (
	t: TestContext,
	faults: readonly Fault[] = [],
	clientOptions: {timeoutMs?: number; maxBodyBytes?: number} = {},
): Promise<Served> => {
	const store = new StatsStore();
	const connection = store.connect('alice');
	const stream = store.openStream(connection, {reqAddr: 'a.example:443'});
	store.setStreamState(stream, 'estab');
	store.addStreamTraffic(stream, 100, 1000);
	const server = await startStatsServer({store, secret, faults});
	const client = createStatsClient({
		url: server.url,
		secret,
		timeoutMs: 1000,
		...clientOptions,
	});
	t.after(async () => {
		await client.close();
		await server.close();
	});
	return {server, store, client};
};

const failure = async (call: Promise<unknown>): Promise<ApiError> => {
	try {
		await call;
	} catch (error) {
		assert.ok(error instanceof ApiError, String(error));
		return error;
	}

	assert.fail('the call should have failed');
};

// Nothing a terminal could take as a control sequence, on one line.
const assertPrintable = (text: string) => {
	assert.doesNotMatch(text, /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u);
};

test('fault hang - the request times out and the server saw one', async t => {
	const {client, server} = await serve(t, [{kind: 'hang', endpoint: 'online'}], {
		timeoutMs: 200,
	});
	const error = await failure(client.online());
	assert.equal(error.kind, 'timeout');
	assert.match(error.message, /GET \/online: no answer within 200 ms/);
	assert.equal(server.requestStats().online.peakInFlight, 1);
});

test('fault slow - an answer within the timeout still counts', async t => {
	const {client} = await serve(t, [{kind: 'slow', delayMs: 50}]);
	assert.deepEqual(await client.online(), new Map([['alice', 1]]));
});

test('fault slow - an answer past the timeout is a timeout', async t => {
	const {client} = await serve(t, [{kind: 'slow', delayMs: 2000}], {
		timeoutMs: 100,
	});
	assert.equal((await failure(client.traffic())).kind, 'timeout');
});

test('fault reset - a reset connection is reported as reset', async t => {
	const {client} = await serve(t, [{kind: 'reset', endpoint: 'streams'}]);
	const error = await failure(client.streams());
	assert.equal(error.kind, 'reset');
	assert.match(error.message, /\/dump\/streams: connection reset/);
});

test('fault refused - a server gone away is connection refused', async t => {
	const {client, server} = await serve(t);
	await client.traffic();
	await server.close();
	const error = await failure(client.traffic());
	assert.equal(error.kind, 'refused');
	assert.match(error.message, /connection refused/);
});

test('fault html-500 - the status with a short text excerpt, no markup', async t => {
	const {client} = await serve(t, [{kind: 'html-500', endpoint: 'online'}]);
	const error = await failure(client.online());
	assert.equal(error.kind, 'http-status');
	assert.equal(
		error.message,
		'GET /online: HTTP 500: 500 Internal Server Error 500 Internal Server Error nginx',
	);
});

test('fault truncate - JSON cut short is invalid, naming the endpoint', async t => {
	const {client} = await serve(t, [{kind: 'truncate', endpoint: 'streams'}]);
	const error = await failure(client.streams());
	assert.equal(error.kind, 'invalid-response');
	assert.equal(error.message, '/dump/streams: response is not JSON');
});

test('fault malformed - a body that is not JSON is invalid', async t => {
	const {client} = await serve(t, [{kind: 'malformed', endpoint: 'traffic'}]);
	const error = await failure(client.traffic());
	assert.equal(error.kind, 'invalid-response');
	assert.equal(error.endpoint, 'traffic');
});

test('fault wrong-shape - each endpoint says which field is wrong', async t => {
	const {client} = await serve(t, [{kind: 'wrong-shape'}]);
	const messages = await Promise.all([
		failure(client.traffic()),
		failure(client.online()),
		failure(client.streams()),
	]);
	assert.deepEqual(
		messages.map(error => error.message),
		[
			'traffic: user "alice": tx is not a number',
			'online: expected an object, got an array',
			'streams: entry 0 (user "alice"): connection is not a number',
		],
	);
	assert.ok(messages.every(error => error.kind === 'invalid-response'));
});

test('fault wrong-shape - a hostile id in the reason is escaped', async t => {
	const body = '{"\\u001b[2J\\u001b]0;x\\u0007\\u202eevil":{"tx":-1,"rx":0}}';
	const {client} = await serve(t, [{kind: 'wrong-shape', body}]);
	const {message} = await failure(client.traffic());
	assertPrintable(message);
	assert.match(message, /tx is not a non-negative number/);
});

test('fault wrong-shape - invisible format characters are escaped too', async t => {
	// Zero-width space, left-to-right mark, BOM, a lone combining mark.
	const body = '{"a\\u200bb\\u200ec\\ufeff\\u0301":{"tx":"x","rx":0}}';
	const {client} = await serve(t, [{kind: 'wrong-shape', body}]);
	const {message} = await failure(client.traffic());
	assert.doesNotMatch(message, /[\p{Cf}\p{M}]/u);
	assert.match(message, /"a\\u200bb\\u200ec\\ufeff\\u0301"/);
});

test('fault html-500 - invisible characters in the page are dropped', async t => {
	const body = '<p>x\u200By \u202Dz \u0301w\u2066</p>';
	const {client} = await serve(t, [{kind: 'html-500', body}]);
	const error = await failure(client.online());
	assert.equal(error.message, 'GET /online: HTTP 500: x y z w');
});

test('fault null - null bodies are empty answers', async t => {
	const {client} = await serve(t, [{kind: 'null'}]);
	assert.equal((await client.traffic()).size, 0);
	assert.equal((await client.online()).size, 0);
	assert.deepEqual(await client.streams(), []);
});

test('fault huge - the size cap aborts the read and the server stops', async t => {
	const sizeBytes = 200 * 1024 * 1024;
	const maxBodyBytes = 1024 * 1024;
	const {client, server} = await serve(
		t,
		[{kind: 'huge', endpoint: 'streams', sizeBytes}],
		{maxBodyBytes},
	);
	const error = await failure(client.streams());
	assert.equal(error.kind, 'too-large');
	assert.equal(error.message, '/dump/streams: response larger than 1 MiB');
	// Only what the socket buffers held was sent, not the 200 MiB.
	await waitForClose(server);
	assert.ok(server.requestStats().streams.bodyBytes < sizeBytes / 4);
});

const waitForClose = async (server: StatsServer) => {
	while (server.requestStats().streams.inFlight > 0) {
		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setImmediate(resolve);
		});
	}
};

test('fault huge - the default cap holds a dump of 200k streams', async t => {
	// A generous timeout: this is about size, not speed.
	const {client, store} = await serve(t, [], {timeoutMs: 60_000});
	const connection = store.connect('a-rather-long-user-name@example.com');
	for (let index = 0; index < 200_000; index++) {
		const stream = store.openStream(connection, {
			reqAddr: 'some-cdn-host.static.example.net:443',
		});
		store.setStreamState(stream, 'estab', 'video.example.com:443');
	}

	const streams = await client.streams();
	assert.equal(streams.length, 200_001);
});

test('fault unauthorized - 401 after working says check the secret', async t => {
	const {client, server} = await serve(t);
	await client.traffic();
	server.setFaults([{kind: 'unauthorized'}]);
	const error = await failure(client.traffic());
	assert.equal(error.kind, 'unauthorized');
	assert.equal(error.message, 'authentication failed: check the secret');
});

test('fault not-found - an old server lacks /online and /dump/streams', async t => {
	const {client} = await serve(t, [
		{kind: 'not-found', endpoint: 'online'},
		{kind: 'not-found', endpoint: 'streams'},
	]);
	const online = await failure(client.online());
	const streams = await failure(client.streams());
	assert.equal(online.kind, 'not-found');
	assert.equal(
		streams.message,
		'/dump/streams is not supported by this server (older Hysteria)',
	);
});

test('fault big-numbers - uint64 values arrive finite and ordered', async t => {
	const {client} = await serve(t, [{kind: 'big-numbers'}]);
	const alice = (await client.traffic()).get('alice');
	assert.ok(alice !== undefined && alice.rx >= 2 ** 63 && alice.rx <= 2 ** 64);
	const [stream] = await client.streams();
	assert.equal(stream?.connection, 4_294_967_295);
	assert.ok(Number.isFinite(stream?.stream) && Number.isFinite(stream?.tx));
	const online = await client.online();
	assert.ok(Number.isFinite(online.get('big-device-count')));
});

test('fault odd-times - every time parses, or is undefined, never NaN', async t => {
	const {client, store} = await serve(t, [{kind: 'odd-times'}]);
	const connection = store.connect('bob');
	for (let index = 0; index < 12; index++) {
		store.openStream(connection, {reqAddr: 'b.example:443'});
	}

	const streams = await client.streams();
	const times = streams.flatMap(s => [s.initialAtMs, s.lastActiveAtMs]);
	assert.ok(times.every(ms => ms === undefined || Number.isFinite(ms)));
	// Go's zero time parses (the model hides it); the rest are near now.
	const now = Date.now();
	const nearNow = times.filter(ms => Math.abs(now - ms!) < 60_000);
	assert.equal(nearNow.length, times.length - 4);
});

for (const [kind, expected] of [
	['html-500', 'http-status'],
	['hang', 'timeout'],
	['reset', 'reset'],
	['unauthorized', 'unauthorized'],
] as const) {
	test(`fault ${kind} on kick - the kick fails and nothing is queued`, async t => {
		const {client, store} = await serve(t, [{kind, endpoint: 'kick'}], {
			timeoutMs: 200,
		});
		const error = await failure(client.kick(['alice']));
		assert.equal(error.kind, expected);
		assert.equal(store.hasPendingKick('alice'), false);
	});
}

test('fault not-found on kick - the kick fails with its status', async t => {
	const {client, server} = await serve(t);
	// As from a server that is not a Hysteria traffic stats server.
	server.setFaults([{kind: 'not-found', endpoint: 'kick'}]);
	const error = await failure(client.kick(['alice']));
	assert.equal(error.status, 404);
	assert.match(error.message, /is this a Hysteria traffic stats server/);
});

test('fault html-500 on clear - the clear fails and counters stay', async t => {
	const {client, store} = await serve(t, [
		{kind: 'html-500', endpoint: 'clear'},
	]);
	const error = await failure(client.traffic({clear: true}));
	assert.equal(error.endpoint, 'clear');
	assert.equal(store.traffic()[0]?.rx, 1000);
});
