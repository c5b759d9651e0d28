import assert from 'node:assert/strict';
import {once} from 'node:events';
import {
	createServer,
	type IncomingMessage,
	type ServerResponse,
} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import {test, type TestContext} from 'node:test';

import {ApiError} from '../source/api/api-error.js';
import type {StatsClientOptions} from '../source/api/client-contract.js';
import {createStatsClient} from '../source/api/http-client.js';

const mebibyte = 1024 * 1024;
const secret = 'TOPSECRET-42 with spaces';

type RecordedRequest = {
	readonly method: string;
	readonly url: string;
	readonly headers: IncomingMessage['headers'];
	readonly body: string;
};

type MockServer = {
	readonly url: string;
	readonly requests: RecordedRequest[];
	/** Every connection the server accepted. */
	readonly sockets: Socket[];
};

type Handler = (
	request: IncomingMessage,
	response: ServerResponse,
	body: string,
) => void;

/** A loopback HTTP server, closed when the test ends. */
const startServer = async (
	t: TestContext,
	handler: Handler,
): Promise<MockServer> => {
	const requests: RecordedRequest[] = [];
	const sockets: Socket[] = [];
	const server = createServer(async (request, response) => {
		const chunks: Buffer[] = [];
		for await (const chunk of request) {
			chunks.push(chunk as Buffer);
		}

		const body = Buffer.concat(chunks).toString('utf8');
		requests.push({
			method: request.method ?? '',
			url: request.url ?? '',
			headers: request.headers,
			body,
		});
		handler(request, response, body);
	});
	server.on('connection', socket => sockets.push(socket));
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	t.after(() => {
		server.closeAllConnections();
		server.close();
	});
	const {port} = server.address() as AddressInfo;

	return {url: `http://127.0.0.1:${port}`, requests, sockets};
};

const sendJson = (response: ServerResponse, value: unknown): void => {
	response.setHeader('content-type', 'application/json; charset=utf-8');
	response.end(JSON.stringify(value));
};

const clientFor = (
	t: TestContext,
	url: string,
	options: Partial<StatsClientOptions> = {},
) => {
	const client = createStatsClient({url, secret, ...options});
	t.after(async () => client.close());

	return client;
};

/** The ApiError a call rejects with. */
const failure = async (promise: Promise<unknown>): Promise<ApiError> => {
	try {
		await promise;
	} catch (error) {
		assert.ok(error instanceof ApiError, `not ApiError: ${String(error)}`);
		return error;
	}

	assert.fail('expected the call to fail');
};

/** A port that nothing listens on: taken, then released. */
const closedPort = async (): Promise<number> => {
	const server = createServer();
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const {port} = server.address() as AddressInfo;
	server.close();
	await once(server, 'close');

	return port;
};

test('client - sends the secret verbatim as Authorization', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {});
	});
	await clientFor(t, server.url).traffic();

	assert.equal(server.requests[0]?.headers.authorization, secret);
	assert.equal(server.requests[0]?.url, '/traffic');
});

test('client - sends a non-ASCII secret as its UTF-8 bytes', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {});
	});
	await clientFor(t, server.url, {secret: 'pä密'}).traffic();
	const value = server.requests[0]?.headers.authorization ?? '';

	// Node reads header bytes as Latin-1.
	assert.equal(Buffer.from(value, 'latin1').toString('utf8'), 'pä密');
});

test('client - sends no Authorization without a secret', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {});
	});
	await clientFor(t, server.url, {secret: undefined}).online();

	assert.equal(server.requests[0]?.headers.authorization, undefined);
});

test('client - parses traffic into a map', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {alice: {tx: 1, rx: 2}});
	});
	const traffic = await clientFor(t, server.url).traffic();

	assert.deepEqual([...traffic], [['alice', {tx: 1, rx: 2}]]);
});

test('client - clear asks for /traffic?clear=1', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {bob: {tx: 3, rx: 4}});
	});
	const traffic = await clientFor(t, server.url).traffic({clear: true});

	assert.equal(server.requests[0]?.url, '/traffic?clear=1');
	assert.deepEqual(traffic.get('bob'), {tx: 3, rx: 4});
});

test('client - asks for the JSON form of the streams dump', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {streams: []});
	});
	const streams = await clientFor(t, server.url).streams();

	assert.deepEqual(streams, []);
	assert.equal(server.requests[0]?.headers.accept, 'application/json');
});

test('client - reuses connections across requests', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {});
	});
	const client = clientFor(t, server.url);
	for (let index = 0; index < 6; index++) {
		await client.online();
	}

	// undici may open a second socket while the first is being released.
	assert.equal(server.requests.length, 6);
	assert.ok(server.sockets.length <= 2, `${server.sockets.length} sockets`);
});

test('client - kick posts the ids as a JSON array', async t => {
	const server = await startServer(t, (_request, response) => {
		response.end();
	});
	await clientFor(t, server.url).kick(['alice', 'bob "2"']);

	assert.equal(server.requests[0]?.method, 'POST');
	assert.deepEqual(JSON.parse(server.requests[0]?.body ?? ''), [
		'alice',
		'bob "2"',
	]);
});

test('client - 401 means the secret is wrong', async t => {
	const server = await startServer(t, (_request, response) => {
		response.statusCode = 401;
		response.end('unauthorized\n');
	});
	const error = await failure(clientFor(t, server.url).traffic());

	assert.equal(error.kind, 'unauthorized');
	assert.equal(error.message, 'authentication failed: check the secret');
});

test('client - 401 without any secret says that one is needed', async t => {
	const server = await startServer(t, (_request, response) => {
		response.statusCode = 401;
		response.end('unauthorized\n');
	});
	const client = clientFor(t, server.url, {secret: undefined});
	const error = await failure(client.traffic());

	assert.equal(error.kind, 'unauthorized');
	assert.match(error.message, /wants a secret and none was given/);
});

test('client - 404 on /online means an older server', async t => {
	const server = await startServer(t, (_request, response) => {
		response.statusCode = 404;
		response.end('404 page not found\n');
	});
	const error = await failure(clientFor(t, server.url).online());

	assert.equal(error.kind, 'not-found');
	assert.equal(
		error.message,
		'/online is not supported by this server (older Hysteria)',
	);
});

test('client - 404 on streams reports the streams endpoint', async t => {
	const server = await startServer(t, (_request, response) => {
		response.statusCode = 404;
		response.end('404 page not found\n');
	});
	const error = await failure(clientFor(t, server.url).streams());

	assert.equal(error.endpoint, 'streams');
	assert.equal(error.status, 404);
});

test('client - other statuses carry a sanitised excerpt', async t => {
	const server = await startServer(t, (_request, response) => {
		response.statusCode = 500;
		response.setHeader('content-type', 'text/html');
		const filler = 'x'.repeat(500);
		response.end(
			`<html><body><h1>Internal\u001B[31m error</h1>\n<p>${filler}</p>`,
		);
	});
	const error = await failure(clientFor(t, server.url).traffic());

	assert.equal(error.kind, 'http-status');
	assert.equal(error.status, 500);
	const [prefix, excerpt] = error.message.split(': HTTP 500: ');
	assert.equal(prefix, 'GET /traffic');
	assert.match(excerpt ?? '', /^Internal \[31m error x{60}…$/);
});

test('client - a 400 from kick shows the decoder message', async t => {
	const server = await startServer(t, (_request, response) => {
		response.statusCode = 400;
		response.end('invalid character \'x\' looking for value\n');
	});
	const error = await failure(clientFor(t, server.url).kick(['a']));

	assert.equal(error.endpoint, 'kick');
	assert.equal(
		error.message,
		'POST /kick: HTTP 400: invalid character \'x\' looking for value',
	);
});

test('client - malformed JSON is an invalid response', async t => {
	const server = await startServer(t, (_request, response) => {
		response.end('{"alice": {"tx": 1,');
	});
	const error = await failure(clientFor(t, server.url).traffic());

	assert.equal(error.kind, 'invalid-response');
	assert.equal(error.message, '/traffic: response is not JSON');
});

test('client - a wrong shape is an invalid response', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {alice: {tx: 'many', rx: 1}});
	});
	const error = await failure(clientFor(t, server.url).traffic());

	assert.equal(error.kind, 'invalid-response');
	assert.equal(error.message, 'traffic: user "alice": tx is not a number');
});

test('client - a bad answer to a clear is reported for the clear', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, []);
	});
	const client = clientFor(t, server.url);
	const error = await failure(client.traffic({clear: true}));

	assert.equal(error.endpoint, 'clear');
	assert.equal(error.kind, 'invalid-response');
});

test('client - aborts a body larger than the cap', async t => {
	let closedEarly: Promise<boolean> | undefined;
	const server = await startServer(t, (_request, response) => {
		closedEarly = once(response, 'close').then(
			() => !response.writableFinished,
		);
		// No Content-Length: the cap must be enforced while reading.
		response.setHeader('content-type', 'application/json');
		const chunk = Buffer.alloc(64 * 1024, 0x20);
		let remaining = 5 * mebibyte;
		const writeMore = (): void => {
			while (remaining > 0 && !response.destroyed) {
				remaining -= chunk.length;
				if (remaining <= 0) {
					response.end(chunk);
					return;
				}

				if (!response.write(chunk)) {
					response.once('drain', writeMore);
					return;
				}
			}
		};

		writeMore();
	});
	const client = clientFor(t, server.url, {maxBodyBytes: mebibyte});
	const error = await failure(client.streams());

	assert.equal(error.kind, 'too-large');
	assert.equal(error.message, '/dump/streams: response larger than 1 MiB');
	assert.equal(await closedEarly, true);
});

test('client - refuses a declared length over the cap', async t => {
	const server = await startServer(t, (_request, response) => {
		response.setHeader('content-length', String(3 * mebibyte));
		response.write('{');
	});
	const client = clientFor(t, server.url, {maxBodyBytes: mebibyte / 2});
	const error = await failure(client.traffic());

	assert.equal(error.kind, 'too-large');
	assert.equal(error.message, '/traffic: response larger than 0.5 MiB');
});

test('client - a hanging server times out', async t => {
	const server = await startServer(t, () => {
		// Never answers.
	});
	const client = clientFor(t, server.url, {timeoutMs: 100});
	const error = await failure(client.online());

	assert.equal(error.kind, 'timeout');
	assert.equal(error.message, 'GET /online: no answer within 100 ms');
});

test('client - a body that stalls times out', async t => {
	const server = await startServer(t, (_request, response) => {
		response.write('{"streams": [');
	});
	const client = clientFor(t, server.url, {timeoutMs: 100});
	const error = await failure(client.streams());

	assert.equal(error.kind, 'timeout');
});

test('client - a body that trickles in past the timeout times out', {
	timeout: 5000,
}, async t => {
	// Each piece comes well within the timeout: only the request's own
	// clock can stop it.
	const server = await startServer(t, (_request, response) => {
		response.write('{"streams": [');
		const timer = setInterval(() => {
			response.write(' ');
		}, 20);
		response.on('close', () => {
			clearInterval(timer);
		});
	});
	const client = clientFor(t, server.url, {timeoutMs: 150});
	const startMs = Date.now();
	const error = await failure(client.streams());

	assert.equal(error.kind, 'timeout');
	assert.equal(error.message, 'GET /dump/streams: no answer within 150 ms');
	assert.ok(Date.now() - startMs < 1000);
});

test('client - a closed port is refused', async t => {
	const port = await closedPort();
	const client = clientFor(t, `http://127.0.0.1:${port}`);
	const error = await failure(client.traffic());

	assert.equal(error.kind, 'refused');
	assert.equal(
		error.message,
		`cannot connect to http://127.0.0.1:${port}: connection refused`,
	);
});

test('client - a destroyed socket is a reset', async t => {
	const server = await startServer(t, request => {
		request.socket.destroy();
	});
	const error = await failure(clientFor(t, server.url).traffic());

	assert.equal(error.kind, 'reset');
	assert.equal(error.message, 'GET /traffic: connection reset by the server');
});

test('client - a socket destroyed mid-body is a reset', async t => {
	const server = await startServer(t, (request, response) => {
		response.write('{"alice":');
		setImmediate(() => request.socket.destroy());
	});
	const error = await failure(clientFor(t, server.url).traffic());

	assert.equal(error.kind, 'reset');
});

test('client - url drops credentials and the trailing slash', async t => {
	const client = clientFor(t, 'http://admin:hunter2@127.0.0.1:9999/stats/');

	assert.equal(client.url, 'http://127.0.0.1:9999/stats');
});

test('client - a base path prefixes every request', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {});
	});
	await clientFor(t, `${server.url}/hy/`).online();

	assert.equal(server.requests[0]?.url, '/hy/online');
});

test('client - URL credentials never appear in messages', async t => {
	const port = await closedPort();
	const client = clientFor(t, `http://admin:hunter%32@127.0.0.1:${port}`);
	const error = await failure(client.online());

	assert.equal(error.kind, 'refused');
	assert.doesNotMatch(error.message, /admin|hunter/);
});

test('client - the secret never appears in a message', async t => {
	const server = await startServer(t, (request, response) => {
		// A hostile or buggy server echoing what it was sent.
		response.statusCode = 502;
		response.end(`bad auth ${request.headers.authorization ?? ''}`);
	});
	const client = clientFor(t, server.url);
	const messages = [
		(await failure(client.traffic())).message,
		(await failure(client.kick([secret]))).message,
	];

	assert.ok(messages.every(message => !message.includes(secret)));
	assert.equal(messages[0], 'GET /traffic: HTTP 502: bad auth ***');
});

test('client - every failure kind keeps the secret out', async t => {
	const port = await closedPort();
	const hanging = await startServer(t, () => {
		// Never answers.
	});
	const reasons = await Promise.all([
		failure(clientFor(t, `http://127.0.0.1:${port}`).streams()),
		failure(clientFor(t, hanging.url, {timeoutMs: 50}).traffic()),
	]);

	assert.deepEqual(
		reasons.map(reason => reason.kind),
		['refused', 'timeout'],
	);
	assert.ok(reasons.every(reason => !reason.message.includes(secret)));
});

test('client - rejects URLs that are not http:', () => {
	assert.throws(
		() => createStatsClient({url: 'https://127.0.0.1:9999'}),
		/unsupported server URL scheme "https:"/,
	);
	assert.throws(
		() => createStatsClient({url: 'not a url with p4ssw0rd'}),
		(error: Error) =>
			error.message.startsWith('invalid server URL') &&
			!error.message.includes('p4ssw0rd'),
	);
});

test('client - close ends the connections', async t => {
	const server = await startServer(t, (_request, response) => {
		sendJson(response, {});
	});
	const client = clientFor(t, server.url);
	await client.traffic();
	const closed = once(server.sockets[0]!, 'close');
	await client.close();
	await closed;

	const error = await failure(client.traffic());
	assert.equal(error.kind, 'network');
});

test('client - a secret echoed where the excerpt is cut is still masked', async t => {
	const server = await startServer(t, (request, response) => {
		response.statusCode = 500;
		const echoed = request.headers.authorization ?? '';
		// The secret ends just past the excerpt's length, and is spaced out.
		response.end(`${'x'.repeat(80 - echoed.length + 1)}${echoed} <b>${echoed}</b>`);
	});
	const error = await failure(clientFor(t, server.url).traffic());

	assert.equal(error.kind, 'http-status');
	assert.doesNotMatch(error.message, new RegExp(secret.slice(0, 6)));
});

test('client - a secret echoed inside the data is masked in validation errors', async t => {
	// The secret comes back as a user id in answers of the wrong shape.
	const server = await startServer(t, (request, response) => {
		const id = request.headers.authorization ?? '';
		sendJson(
			response,
			request.url === '/dump/streams'
				? {streams: [{auth: id, connection: 1}]}
				: {[id]: request.url === '/online' ? 'two' : {tx: -1, rx: 0}},
		);
	});
	const client = clientFor(t, server.url);
	const messages = [
		(await failure(client.streams())).message,
		(await failure(client.online())).message,
		(await failure(client.traffic())).message,
	];

	assert.ok(messages.every(message => !message.includes(secret)), messages.join('\n'));
	assert.match(messages[0]!, /user "\*\*\*"/);
});
