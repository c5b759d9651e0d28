import assert from 'node:assert/strict';
import {chmod, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test, type TestContext} from 'node:test';

import {
	loadServers,
	type LoadServersInput,
} from '../source/config/server-config.js';
import {UsageError} from '../source/options.js';

type Folder = {
	readonly path: string;
	write(name: string, text: string, mode?: number): Promise<string>;
};

const makeFolder = async (t: TestContext): Promise<Folder> => {
	const path = await mkdtemp(join(tmpdir(), 'hytop-servers-'));
	t.after(async () => rm(path, {recursive: true, force: true}));

	return {
		path,
		async write(name, text, mode = 0o600) {
			const file = join(path, name);
			await writeFile(file, text);
			await chmod(file, mode);

			return file;
		},
	};
};

// Never the real /etc: every test names its own search paths.
const load = async (
	folder: Folder,
	input: Partial<LoadServersInput>,
	warnings: string[] = [],
) =>
	loadServers({
		urls: [],
		searchPaths: [join(folder.path, 'config.yaml')],
		environment: {},
		warn(message) {
			warnings.push(message);
		},
		...input,
	});

test('load servers - --url given twice gives two servers named host:port', async t => {
	const folder = await makeFolder(t);

	const servers = await load(folder, {
		urls: ['http://127.0.0.1:9999', 'http://[::1]:9998/stats'],
		environment: {HYTOP_SECRET: 'env-secret'},
	});

	assert.deepEqual(servers, [
		{
			name: '127.0.0.1:9999',
			url: 'http://127.0.0.1:9999',
			secret: 'env-secret',
		},
		{
			name: '[::1]:9998',
			url: 'http://[::1]:9998/stats',
			secret: 'env-secret',
		},
	]);
});

test('load servers - the same host:port twice gets a numbered name', async t => {
	const folder = await makeFolder(t);
	const url = 'http://127.0.0.1:9999';

	const servers = await load(folder, {urls: [url, url]});

	assert.deepEqual(
		servers.map(server => server.name),
		['127.0.0.1:9999', '127.0.0.1:9999 (2)'],
	);
});

test('load servers - reads each secretFile of the config file', async t => {
	const folder = await makeFolder(t);
	await folder.write('alpha.secret', 'alpha-secret\n');
	const configFile = await folder.write(
		'hytop.yaml',
		[
			'servers:',
			'  - name: alpha',
			'    url: http://127.0.0.1:1',
			'    secretFile: alpha.secret',
			'  - {name: beta, url: "http://127.0.0.1:2"}',
		].join('\n'),
	);

	const servers = await load(folder, {
		configFile,
		environment: {HYTOP_SECRET: 'not for config file servers'},
	});

	assert.deepEqual(servers, [
		{name: 'alpha', url: 'http://127.0.0.1:1', secret: 'alpha-secret'},
		{name: 'beta', url: 'http://127.0.0.1:2', secret: undefined},
	]);
});

test('load servers - warns about a secret file others can read', async t => {
	const folder = await makeFolder(t);
	await folder.write('open.secret', 'x', 0o644);
	const configFile = await folder.write(
		'hytop.yaml',
		'servers:\n  - {url: "http://127.0.0.1:1", secretFile: open.secret}\n',
	);
	const warnings: string[] = [];

	await load(folder, {configFile}, warnings);

	assert.equal(warnings.length, 1);
	assert.match(
		warnings[0] ?? '',
		/readable by others \(mode 0644\); run: chmod 600/,
	);
});

test('load servers - config file and --url servers come together', async t => {
	const folder = await makeFolder(t);
	const configFile = await folder.write(
		'hytop.json',
		JSON.stringify({servers: [{name: 'alpha', url: 'http://127.0.0.1:1'}]}),
	);

	const servers = await load(folder, {
		configFile,
		urls: ['http://127.0.0.1:2'],
	});

	assert.deepEqual(
		servers.map(server => server.name),
		['alpha', '127.0.0.1:2'],
	);
});

test('load servers - two servers of the same name are refused', async t => {
	const folder = await makeFolder(t);
	const configFile = await folder.write(
		'hytop.yaml',
		'servers:\n' +
			'  - {name: a, url: "http://h:1"}\n' +
			'  - {name: a, url: "http://h:2"}\n',
	);

	await assert.rejects(load(folder, {configFile}), (error: Error) => {
		assert.ok(error instanceof UsageError);
		assert.equal(
			error.message,
			'two servers are named "a": give each its own name',
		);

		return true;
	});
});

test('load servers - with no server named, reads the local Hysteria config', async t => {
	const folder = await makeFolder(t);
	await folder.write(
		'config.yaml',
		'listen: :443\ntrafficStats:\n  listen: :9999\n  secret: local\n',
	);

	const servers = await load(folder, {environment: {HYTOP_SECRET: 'other'}});

	assert.deepEqual(servers, [
		{name: '127.0.0.1:9999', url: 'http://127.0.0.1:9999', secret: 'local'},
	]);
});

test('load servers - zero-config says what to add when trafficStats is missing', async t => {
	const folder = await makeFolder(t);
	await folder.write('config.yaml', 'listen: :443\n');

	await assert.rejects(
		load(folder, {}),
		/config\.yaml has no trafficStats section.*Add this to it/s,
	);
});

test('load servers - with no Hysteria config found, uses the default URL', async t => {
	const folder = await makeFolder(t);

	const servers = await load(folder, {environment: {HYTOP_SECRET: 'env'}});

	assert.deepEqual(servers, [
		{name: '127.0.0.1:9999', url: 'http://127.0.0.1:9999', secret: 'env'},
	]);
});

test('load servers - --hysteria-config is read even beside --url', async t => {
	const folder = await makeFolder(t);
	const hysteriaConfig = await folder.write(
		'server.json',
		'{"trafficStats": {"listen": "[::]:7000"}}',
	);

	const servers = await load(folder, {
		urls: ['http://127.0.0.1:1'],
		hysteriaConfig,
	});

	assert.deepEqual(
		servers.map(server => server.url),
		['http://127.0.0.1:1', 'http://[::1]:7000'],
	);
});

test('load servers - a --hysteria-config that is missing names the flag', async t => {
	const folder = await makeFolder(t);

	await assert.rejects(
		load(folder, {hysteriaConfig: join(folder.path, 'gone.yaml')}),
		/gone\.yaml does not exist: check --hysteria-config/,
	);
});

test('load servers - the --url secret source may be a file', async t => {
	const folder = await makeFolder(t);
	const path = await folder.write('url.secret', 'from-file\n');

	const servers = await load(folder, {
		urls: ['http://127.0.0.1:1'],
		urlSecretSource: {kind: 'file', path},
		environment: {HYTOP_SECRET: 'env'},
	});

	assert.equal(servers[0]?.secret, 'from-file');
});

test('load servers - a bad --url is refused without repeating it', async t => {
	const folder = await makeFolder(t);

	await assert.rejects(
		load(folder, {urls: ['http://127.0.0.1:1', 'not a url']}),
		/^UsageError: --url is not a URL: give one like http:\/\/127\.0\.0\.1:9999$/,
	);
});

test('load servers - a --url with credentials is refused, never echoed', async t => {
	const folder = await makeFolder(t);

	await assert.rejects(
		load(folder, {urls: ['http://admin:hunter2@127.0.0.1:1']}),
		(error: Error) =>
			/must not hold a user name or password/.test(error.message) &&
			!/admin|hunter2/.test(error.message),
	);
});
