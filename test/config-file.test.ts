import assert from 'node:assert/strict';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test, type TestContext} from 'node:test';

import {
	parseConfigFile,
	readConfigFile,
} from '../source/config/config-file.js';

const makeFolder = async (t: TestContext): Promise<string> => {
	const folder = await mkdtemp(join(tmpdir(), 'hytop-config-'));
	t.after(async () => rm(folder, {recursive: true, force: true}));

	return folder;
};

test('config file - lists the servers of a YAML file', async t => {
	const folder = await makeFolder(t);
	const path = join(folder, 'hytop.yaml');
	await writeFile(
		path,
		[
			'servers:',
			'  - name: alpha',
			'    url: http://127.0.0.1:9999',
			'    secretFile: secrets/alpha',
			'  - url: http://10.0.0.2:9999',
			'',
		].join('\n'),
	);

	const entries = await readConfigFile(path);

	assert.deepEqual(entries, [
		{
			name: 'alpha',
			url: 'http://127.0.0.1:9999',
			secretFile: join(folder, 'secrets/alpha'),
		},
		{name: undefined, url: 'http://10.0.0.2:9999', secretFile: undefined},
	]);
});

test('config file - reads the same from JSON', () => {
	const text = JSON.stringify({
		servers: [{name: 'b', url: 'http://[::1]:9999', secretFile: '/s/b'}],
	});

	assert.deepEqual(parseConfigFile(text, '/etc/hytop.json'), [
		{name: 'b', url: 'http://[::1]:9999', secretFile: '/s/b'},
	]);
});

test('config file - without servers shows how to write them', () => {
	assert.throws(
		() => parseConfigFile('servers: []\n', 'h.yaml'),
		/h\.yaml lists no servers; write them like this:\nservers:\n {2}- name/,
	);
});

test('config file - refuses an inline secret and names secretFile', () => {
	const text = 'servers:\n  - url: http://127.0.0.1:9999\n    secret: x\n';

	assert.throws(
		() => parseConfigFile(text, 'h.yaml'),
		/h\.yaml, server 1: put the secret in a file .* as secretFile/,
	);
});

test('config file - refuses a misspelt setting', () => {
	const text = 'servers:\n  - url: http://127.0.0.1:9999\n    secret_file: x\n';

	assert.throws(
		() => parseConfigFile(text, 'h.yaml'),
		/unknown setting "secret_file"; a server has name, url and secretFile/,
	);
});

test('config file - refuses a server without an http URL', () => {
	const text = 'servers:\n  - {name: a}\n  - url: https://h:9999\n';

	const second = text.replace('{name: a}', '{url: http://a:1}');

	assert.throws(
		() => parseConfigFile(text, 'h.yaml'),
		/server 1: url is missing/,
	);
	assert.throws(
		() => parseConfigFile(second, 'h.yaml'),
		/server 2: url must start with http:\/\//,
	);
});

test('config file - a missing file names the flag to check', async t => {
	const folder = await makeFolder(t);

	await assert.rejects(
		readConfigFile(join(folder, 'nope.yaml')),
		/nope\.yaml does not exist: check --config-file/,
	);
});
