import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtemp, readFile, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {test} from 'node:test';
import {promisify} from 'node:util';

import {appendToLedger, ledgerRecords} from '../source/ledger/ledger.js';
import {defaultLedgerPath} from '../source/ledger/ledger-path.js';

const folder = await mkdtemp(join(tmpdir(), 'hytop-ledger-'));
const traffic = new Map([['alice', {tx: 12, rx: 34}]]);

test('ledger - appends one JSON line per user, readable by its owner only', async () => {
	const path = join(folder, 'deep', 'ledger.jsonl');
	const time = new Date('2026-12-04T10:00:00Z');
	await appendToLedger(path, ledgerRecords('http://127.0.0.1:9999', traffic, time));
	await appendToLedger(path, ledgerRecords('http://127.0.0.1:9999', traffic, time));
	const lines = (await readFile(path, 'utf8')).trim().split('\n');
	assert.equal(lines.length, 2);
	assert.deepEqual(JSON.parse(lines[0]!), {
		server: 'http://127.0.0.1:9999',
		time: '2026-12-04T10:00:00.000Z',
		user: 'alice',
		tx: 12,
		rx: 34,
	});
	assert.equal((await stat(path)).mode & 0o777, 0o600);
});

test('ledger - a FIFO in its place is refused instead of hanging', async () => {
	const fifo = join(folder, 'fifo');
	await promisify(execFile)('mkfifo', [fifo]);
	await assert.rejects(
		appendToLedger(fifo, ledgerRecords('x', traffic, new Date())),
		/not a regular file/,
	);
});

test('ledger - lives in the XDG state directory by default', () => {
	assert.equal(
		defaultLedgerPath({XDG_STATE_HOME: '/var/state'}, '/home/op'),
		'/var/state/hytop/ledger.jsonl',
	);
	assert.equal(
		defaultLedgerPath({}, '/home/op'),
		'/home/op/.local/state/hytop/ledger.jsonl',
	);
});
