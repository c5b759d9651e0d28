import assert from 'node:assert/strict';
import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {test, type TestContext} from 'node:test';

import type {ServerConfig} from '../source/config/server-config.js';
import {startDemoServer, type DemoServer} from '../source/demo/demo-server.js';
import {runExport, startExporter} from '../source/exporter/run-export.js';
import {UsageError} from '../source/options.js';

import {type ParsedFamily, parsePrometheus} from './helpers/parse-prometheus.js';

/** One scrape, parsed: values by metric name and label text. */
type Scrape = {
	readonly families: readonly ParsedFamily[];
	value(name: string, labels: Record<string, string>): number | undefined;
	/** `user` label to value, for one server. */
	users(name: string, server: string): Map<string, number>;
	has(name: string, server: string): boolean;
};

const toScrape = (text: string): Scrape => {
	const families = parsePrometheus(text);
	const samples = (name: string) =>
		families.find(family => family.name === name)?.metrics ?? [];

	return {
		families,
		value(name, labels) {
			const found = samples(name).find(sample =>
				Object.entries(labels).every(
					([key, value]) => sample.labels?.[key] === value,
				),
			);

			return found === undefined ? undefined : Number(found.value);
		},
		users(name, server) {
			return new Map(
				samples(name)
					.filter(sample => sample.labels?.['server'] === server)
					.map(sample => [
						sample.labels?.['user'] ?? '',
						Number(sample.value),
					]),
			);
		},
		has(name, server) {
			return samples(name).some(
				sample => sample.labels?.['server'] === server,
			);
		},
	};
};

const scrape = async (url: string): Promise<Scrape> => {
	const response = await fetch(`${url}/metrics`);
	assert.equal(response.status, 200);

	return toScrape(await response.text());
};

/**
Scrapes until `isDone` accepts the result. The exporter polls on its own
timers, so this waits for those polls to land rather than for a set time.
*/
const scrapeUntil = async (
	url: string,
	isDone: (result: Scrape) => boolean,
	timeoutMs = 10_000,
): Promise<Scrape> => {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		// eslint-disable-next-line no-await-in-loop
		const result = await scrape(url);
		if (isDone(result)) {
			return result;
		}

		if (Date.now() > deadline) {
			throw new Error('timed out waiting for the exporter');
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 20);
		});
	}
};

type OldServer = {
	readonly url: string;
	/** Every path asked for, query included. */
	readonly requests: string[];
};

/** A server from before /online and /dump/streams: only /traffic answers. */
const startOldServer = async (t: TestContext): Promise<OldServer> => {
	const requests: string[] = [];
	const server = createServer((request, response) => {
		requests.push(request.url ?? '');
		if (request.method === 'GET' && request.url === '/traffic') {
			response.writeHead(200, {
				'Content-Type': 'application/json; charset=utf-8',
			});
			response.end('{"old-user":{"tx":10,"rx":20}}');
			return;
		}

		response.writeHead(404, {'Content-Type': 'text/plain; charset=utf-8'});
		response.end('404 page not found\n');
	});
	server.listen(0, '127.0.0.1');
	await new Promise(resolve => server.once('listening', resolve));
	t.after(async () => {
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	});
	const {port} = server.address() as AddressInfo;

	return {url: `http://127.0.0.1:${port}`, requests};
};

const secret = 'alpha-s3cret';

type Fleet = {
	readonly alpha: DemoServer;
	readonly beta: DemoServer;
	readonly gamma: OldServer;
	readonly url: string;
	readonly logs: string[];
};

/** alpha needs a secret, beta is a plain demo, gamma an old server. */
const startFleet = async (t: TestContext): Promise<Fleet> => {
	const demo = {users: 6, tickMs: 25};
	const alpha = await startDemoServer({...demo, secret, seed: 1});
	const beta = await startDemoServer({...demo, seed: 2});
	t.after(async () => Promise.all([alpha.close(), beta.close()]));
	const gamma = await startOldServer(t);
	const servers: ServerConfig[] = [
		{name: 'alpha', url: alpha.url, secret},
		{name: 'beta', url: beta.url, secret: undefined},
		{name: 'gamma', url: gamma.url, secret: undefined},
	];
	const logs: string[] = [];
	const exporter = await startExporter({
		servers,
		host: '127.0.0.1',
		port: 0,
		intervalMs: 50,
		timeoutMs: 2000,
		log(line) {
			logs.push(line);
		},
	});
	t.after(async () => exporter.close());

	return {alpha, beta, gamma, url: exporter.url, logs};
};

const upload = 'hysteria_user_upload_bytes_total';
const download = 'hysteria_user_download_bytes_total';
const success = 'hysteria_scrape_success';
const duration = 'hysteria_scrape_duration_seconds';
const resets = 'hysteria_counter_resets_total';

const isUp = (result: Scrape, server: string) =>
	result.value(success, {server}) === 1;

const allUp = (result: Scrape) =>
	['alpha', 'beta', 'gamma'].every(server => isUp(result, server)) &&
	result.has('hysteria_streams', 'alpha') &&
	result.has('hysteria_streams', 'beta');

test('exporter - reads three servers at once, the one with a secret too', async t => {
	const fleet = await startFleet(t);

	const result = await scrapeUntil(
		fleet.url,
		current => allUp(current) && current.users(download, 'alpha').size > 0,
	);

	assert.ok(result.has('hysteria_user_online_devices', 'alpha'));
	assert.ok(result.has(duration, 'beta'));
});

test('exporter - an old server gives its counters and no online or stream gauges', async t => {
	const fleet = await startFleet(t);

	const result = await scrapeUntil(fleet.url, allUp);

	const labels = {server: 'gamma', user: 'old-user'};

	assert.deepEqual(
		[result.value(upload, labels), result.value(download, labels)],
		[10, 20],
	);
	assert.deepEqual(
		[
			result.has('hysteria_user_online_devices', 'gamma'),
			result.has('hysteria_streams', 'gamma'),
		],
		[false, false],
	);
});

test('exporter - never clears a server and stops asking an old one for what it lacks', async t => {
	const fleet = await startFleet(t);
	await scrapeUntil(
		fleet.url,
		current => current.value(success, {server: 'gamma'}) === 1,
	);
	const trafficPolls = () =>
		fleet.gamma.requests.filter(path => path === '/traffic').length;
	const seen = trafficPolls();
	await scrapeUntil(fleet.url, () => trafficPolls() >= seen + 3);

	assert.deepEqual(
		fleet.gamma.requests.filter(path => path !== '/traffic').sort(),
		['/dump/streams', '/online'],
	);
	assert.ok(fleet.gamma.requests.every(path => !path.includes('clear')));
});

test('exporter - a server killed midway gives success 0 and keeps its counters', async t => {
	const fleet = await startFleet(t);
	const before = await scrapeUntil(
		fleet.url,
		current => allUp(current) && current.users(upload, 'beta').size > 0,
	);
	const uploadsBefore = before.users(upload, 'beta');

	await fleet.beta.close();
	const after = await scrapeUntil(
		fleet.url,
		current => current.value(success, {server: 'beta'}) === 0,
	);

	const uploadsAfter = after.users(upload, 'beta');
	assert.ok(
		[...uploadsBefore].every(
			([user, bytes]) => (uploadsAfter.get(user) ?? -1) >= bytes,
		),
		'every counter of beta is still there, none lower',
	);
	assert.deepEqual(
		[
			after.value(success, {server: 'alpha'}),
			after.has('hysteria_streams', 'beta'),
		],
		[1, false],
	);
});

test('exporter - logs a server going down once, with the reason', async t => {
	const fleet = await startFleet(t);
	await scrapeUntil(fleet.url, allUp);

	await fleet.beta.close();
	await scrapeUntil(
		fleet.url,
		current => current.value(success, {server: 'beta'}) === 0,
	);

	const betaLines = fleet.logs.filter(line => line.startsWith('beta:'));
	assert.match(betaLines[0] ?? '', /^beta: answering at http:\/\/127\./);
	assert.equal(
		betaLines.filter(line => !line.includes('answering')).length,
		1,
	);
});

test('exporter - counters stay monotonic across a clear by another client', async t => {
	const fleet = await startFleet(t);
	const before = await scrapeUntil(
		fleet.url,
		current => current.users(download, 'alpha').size > 0,
	);

	const cleared = await fetch(`${fleet.alpha.url}/traffic?clear=1`, {
		headers: {Authorization: secret},
	});
	assert.equal(cleared.status, 200);
	const after = await scrapeUntil(
		fleet.url,
		current => current.value(resets, {server: 'alpha'}) === 1,
	);

	const downloadsAfter = after.users(download, 'alpha');
	assert.ok(
		[...before.users(download, 'alpha')].every(
			([user, bytes]) => (downloadsAfter.get(user) ?? -1) >= bytes,
		),
		'no user counter went down',
	);
	assert.equal(
		after.value(resets, {server: 'beta'}),
		0,
	);
});

test('exporter - a wrong secret gives success 0 and no counters', async t => {
	const alpha = await startDemoServer({users: 3, tickMs: 25, secret});
	t.after(async () => alpha.close());
	const exporter = await startExporter({
		servers: [{name: 'alpha', url: alpha.url, secret: 'wrong'}],
		host: '127.0.0.1',
		port: 0,
		intervalMs: 50,
	});
	t.after(async () => exporter.close());

	const result = await scrapeUntil(exporter.url, current =>
		current.has(duration, 'alpha'),
	);

	assert.equal(result.value(success, {server: 'alpha'}), 0);
	assert.equal(result.has(upload, 'alpha'), false);
});

test('exporter - refuses a non-loopback listen address without allowRemote', async () => {
	await assert.rejects(
		startExporter({
			servers: [{name: 'a', url: 'http://127.0.0.1:1', secret: undefined}],
			host: '0.0.0.0',
			port: 0,
			intervalMs: 1000,
		}),
		(error: Error) => {
			assert.ok(error instanceof UsageError);
			assert.match(
				error.message,
				/refusing to serve metrics on 0\.0\.0\.0.*--allow-remote/,
			);

			return true;
		},
	);
});

test('metrics server - answers /metrics in the text format and 404 elsewhere', async t => {
	const exporter = await startExporter({
		servers: [{name: 'a', url: 'http://127.0.0.1:1', secret: undefined}],
		host: '127.0.0.1',
		port: 0,
		intervalMs: 1000,
	});
	t.after(async () => exporter.close());

	const metrics = await fetch(`${exporter.url}/metrics`);
	const other = await fetch(`${exporter.url}/traffic`);
	const posted = await fetch(`${exporter.url}/metrics`, {method: 'POST'});
	await Promise.all([metrics.text(), other.text(), posted.text()]);

	assert.equal(
		metrics.headers.get('content-type'),
		'text/plain; version=0.0.4; charset=utf-8',
	);
	assert.deepEqual([other.status, posted.status], [404, 405]);
});

test('run export - serves until SIGTERM, then stops and returns 0', async t => {
	const old = await startOldServer(t);
	const lines: string[] = [];
	let onAnnounce: (url: string) => void = () => undefined;
	const announced = new Promise<string>(resolve => {
		onAnnounce = resolve;
	});
	let isRunning = true;
	const running = runExport(
		{
			servers: [{name: 'old', url: old.url, secret: undefined}],
			host: '127.0.0.1',
			port: 0,
			intervalMs: 50,
		},
		line => {
			lines.push(line);
			const url = /(http:\S+)\/metrics/.exec(line)?.[1];
			if (url) {
				onAnnounce(url);
			}
		},
	).finally(() => {
		isRunning = false;
	});
	// A failed assertion must not leave the exporter running.
	t.after(() => {
		if (isRunning) {
			process.emit('SIGTERM');
		}
	});
	await scrapeUntil(await announced, current => current.has(success, 'old'));

	process.emit('SIGTERM');

	assert.equal(await running, 0);
	assert.equal(lines.at(-1), 'stopped (SIGTERM).');
});
