import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {chmod, mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {promisify} from 'node:util';

import {UsageError} from '../source/options.js';
import {readSecret} from '../source/read-secret.js';

const folder = await mkdtemp(join(tmpdir(), 'hytop-secret-'));
const fromFile = async (path: string) =>
	readSecret({kind: 'file', path}, {}, () => undefined);

const secretFile = async (name: string, text: string) => {
	const path = join(folder, name);
	await writeFile(path, text);
	await chmod(path, 0o600);
	return path;
};

test('secret file - trailing line breaks of any kind are not the secret', async () => {
	assert.equal(await fromFile(await secretFile('crlf', 'TopSecret-42\r\n\r\n')), 'TopSecret-42');
	assert.equal(await fromFile(await secretFile('lf', 'TopSecret-42\n')), 'TopSecret-42');
});

test('secret file - control characters inside are refused, not sent', async () => {
	const path = await secretFile('ctrl', 'Top\u0001Secret\n');
	await assert.rejects(fromFile(path), /holds control characters/);
	await assert.rejects(fromFile(await secretFile('lines', 'a\nb\n')), UsageError);
});

test('secret file - a device or a FIFO is refused at once', async () => {
	await assert.rejects(fromFile('/dev/zero'), /not a regular file/);
	const fifo = join(folder, 'fifo');
	await promisify(execFile)('mkfifo', [fifo]);
	await assert.rejects(fromFile(fifo), /not a regular file/);
});

test('secret file - a huge file is refused without reading it', async () => {
	const path = await secretFile('huge', 'x'.repeat(200 * 1024));
	await assert.rejects(fromFile(path), /larger than 64 KiB/);
});
