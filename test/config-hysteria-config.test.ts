import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {chmod, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test, type TestContext} from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

import {
	findHysteriaConfig,
	parseHysteriaConfig,
	readHysteriaConfig,
} from '../source/config/hysteria-config.js';
import {UsageError} from '../source/options.js';

const execFileAsync = promisify(execFile);

// A fresh folder per test, removed when it ends.
const makeFolder = async (t: TestContext): Promise<string> => {
	const folder = await mkdtemp(join(tmpdir(), 'hytop-hysteria-'));
	t.after(async () => rm(folder, {recursive: true, force: true}));

	return folder;
};

const writeConfig = async (
	folder: string,
	name: string,
	text: string,
): Promise<string> => {
	const path = join(folder, name);
	await writeFile(path, text);

	return path;
};

const serverPart = 'listen: :443\nauth:\n  type: password\n  password: pw\n';

test('hysteria config - reads listen and secret from a .yaml file', async t => {
	const folder = await makeFolder(t);
	const path = await writeConfig(
		folder,
		'config.yaml',
		`${serverPart}trafficStats:\n  listen: :9999\n  secret: s3cret\n`,
	);

	const access = await readHysteriaConfig(path);

	assert.equal(access.url, 'http://127.0.0.1:9999');
	assert.equal(access.secret, 's3cret');
});

test('hysteria config - a .yml file without a secret gives none', async t => {
	const folder = await makeFolder(t);
	const path = await writeConfig(
		folder,
		'config.yml',
		`${serverPart}trafficStats:\n  listen: 0.0.0.0:9998\n`,
	);

	const access = await readHysteriaConfig(path);

	assert.equal(access.url, 'http://127.0.0.1:9998');
	assert.equal(access.secret, undefined);
});

test('hysteria config - reads a .json file', async t => {
	const folder = await makeFolder(t);
	const config = {
		listen: ':443',
		trafficStats: {listen: '[::]:9999', secret: 'json secret'},
	};
	const path = await writeConfig(
		folder,
		'config.json',
		JSON.stringify(config, undefined, 2),
	);

	const access = await readHysteriaConfig(path);

	assert.equal(access.url, 'http://[::1]:9999');
	assert.equal(access.secret, 'json secret');
});

test('hysteria config - a .json file without a secret gives none', async t => {
	const folder = await makeFolder(t);
	const config = {trafficStats: {listen: '127.0.0.1:9999'}};
	const path = await writeConfig(folder, 'c.json', JSON.stringify(config));

	const access = await readHysteriaConfig(path);

	assert.equal(access.url, 'http://127.0.0.1:9999');
	assert.equal(access.secret, undefined);
});

test('hysteria config - a YAML file without trafficStats says what to add', async t => {
	const folder = await makeFolder(t);
	const path = await writeConfig(folder, 'config.yaml', serverPart);

	await assert.rejects(readHysteriaConfig(path), (error: Error) => {
		assert.ok(error instanceof UsageError);
		assert.match(
			error.message,
			/has no trafficStats section.*\ntrafficStats:\n {2}listen: 127\.0\.0\.1:9999\n {2}secret: /s,
		);

		return true;
	});
});

test('hysteria config - a JSON file without trafficStats says it in JSON', async t => {
	const folder = await makeFolder(t);
	const path = await writeConfig(folder, 'config.json', '{"listen": ":443"}');

	await assert.rejects(
		readHysteriaConfig(path),
		/Add this to it and restart Hysteria:\n"trafficStats": \{"listen": "127\.0\.0\.1:9999"/,
	);
});

test('hysteria config - an empty listen counts as no stats API', () => {
	const text = 'trafficStats:\n  listen: ""\n  secret: x\n';

	assert.throws(
		() => parseHysteriaConfig(text, 'config.yaml'),
		/has no trafficStats\.listen address/,
	);
});

test('hysteria config - accepts each listen form of the server', () => {
	const forms = {
		':9999': 'http://127.0.0.1:9999',
		'0.0.0.0:9999': 'http://127.0.0.1:9999',
		'"[::]:9999"': 'http://[::1]:9999',
		'127.0.0.1:9999': 'http://127.0.0.1:9999',
	};
	for (const [listen, url] of Object.entries(forms)) {
		const text = `trafficStats:\n  listen: ${listen}\n`;

		assert.equal(parseHysteriaConfig(text, 'c.yaml').url, url, listen);
	}
});

test('hysteria config - keeps a secret that YAML would read as a number', () => {
	const text = 'trafficStats:\n  listen: :9999\n  secret: 0123\n';

	assert.equal(parseHysteriaConfig(text, 'c.yaml').secret, '0123');
});

test('hysteria config - matches keys in any letter case, as the server does', () => {
	const text = 'TrafficStats:\n  Listen: :9999\n  SECRET: abc\n';
	const access = parseHysteriaConfig(text, 'c.yaml');

	assert.equal(access.url, 'http://127.0.0.1:9999');
	assert.equal(access.secret, 'abc');
});

test('hysteria config - names the file when it is not valid YAML', () => {
	assert.throws(
		() => parseHysteriaConfig('trafficStats: [oops\n', '/x/config.yaml'),
		/\/x\/config\.yaml is not valid YAML or JSON/,
	);
});

test('hysteria config search - takes the first path that exists', async t => {
	const folder = await makeFolder(t);
	const yml = await writeConfig(
		folder,
		'config.yml',
		'trafficStats:\n  listen: :9001\n',
	);
	await writeConfig(folder, 'config.json', '{}');
	const paths = ['config.yaml', 'config.yml', 'config.json'].map(name =>
		join(folder, name),
	);

	const access = await findHysteriaConfig(paths);

	assert.equal(access?.path, yml);
	assert.equal(access?.url, 'http://127.0.0.1:9001');
});

test('hysteria config search - finds nothing when no path exists', async t => {
	const folder = await makeFolder(t);

	const access = await findHysteriaConfig([join(folder, 'none.yaml')]);

	assert.equal(access, undefined);
});

// Root reads every file, so as root the search runs in a child process
// with the rights of "nobody" (the built code: npm test builds first).
const searchAsNobody = async (paths: string[]): Promise<string> => {
	const module = fileURLToPath(
		new URL('../dist/config/hysteria-config.js', import.meta.url),
	);
	const script =
		`import(${JSON.stringify(module)})` +
		`.then(m => m.findHysteriaConfig(${JSON.stringify(paths)}))` +
		'.then(() => console.log("no error"), e => console.log(e.message));';
	const {stdout} = await execFileAsync('node', ['-e', script], {
		uid: 65_534,
		gid: 65_534,
		cwd: '/',
	});
	return stdout;
};

test('hysteria config search - an unreadable file is an error, not skipped', async t => {
	const folder = await makeFolder(t);
	await chmod(folder, 0o755);
	const path = await writeConfig(folder, 'config.yaml', 'trafficStats: {}\n');
	await chmod(path, 0o000);
	const paths = [path, join(folder, 'config.yml')];
	const expected =
		/cannot read .*config\.yaml \(permission denied\): run hytop as a user that may read it/;

	if (process.getuid?.() === 0) {
		assert.match(await searchAsNobody(paths), expected);
	} else {
		await assert.rejects(findHysteriaConfig(paths), expected);
	}
});

test('hysteria config search - a directory in the way is an error', async t => {
	const folder = await makeFolder(t);
	const path = join(folder, 'config.yaml');
	await mkdir(path);

	await assert.rejects(
		findHysteriaConfig([path]),
		/cannot read .*config\.yaml \(it is not a regular file\)/,
	);
});
