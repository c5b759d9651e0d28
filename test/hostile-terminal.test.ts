import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';

import stringWidth from 'string-width';

import {startDemoServer} from '../source/demo/demo-server.js';
import {hostileUserIds} from '../source/demo/hostile-names.js';
import {openTerminal} from './helpers/tmux.js';

// The built hytop in a real terminal (tmux), watching a demo server whose
// users and sniffed addresses are hostile. `script` records every byte
// hytop writes, so what reached the terminal can be checked as well as what
// the terminal shows.

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const columns = 160;
const demo = await startDemoServer({hostileNames: true, seed: 5});
const directory = await mkdtemp(join(tmpdir(), 'hytop-hostile-'));
const rawPath = join(directory, 'raw.log');
const terminal = await openTerminal(
	`script -q -f -c 'node ${cli} --url ${demo.url} --interval 0.5' ${rawPath}`,
	{columns, rows: 45},
);

after(async () => {
	await terminal.close();
	await demo.close();
	await rm(directory, {recursive: true, force: true});
});

// Every hostile user is on screen, with its streams.
const screen = await terminal.waitForScreen(
	text =>
		text.includes('wipe\\x1b[2Jscreen') &&
		text.includes('title\\x1b]0;pwned\\x07') &&
		text.includes('evil\\x1b]0;pwned'),
	20_000,
);
const lines = screen.split('\n');

/** The line matching `header` and the rows under it that are `row`s. */
const section = (header: RegExp, row: RegExp): string[] => {
	const start = lines.findIndex(line => header.test(line));
	assert.notEqual(start, -1, `no ${header} in:\n${screen}`);
	const rows: string[] = [lines[start]!.trimEnd()];
	for (const line of lines.slice(start + 1)) {
		if (!row.test(line)) {
			break;
		}

		rows.push(line.trimEnd());
	}

	return rows;
};

test('hostile names - the frame holds: title first, nothing wider than the terminal', () => {
	assert.match(lines[0] ?? '', /^hytop live .* http:\/\/127\.0\.0\.1:\d+ /);
	for (const line of lines) {
		assert.ok(stringWidth(line) <= columns, `too wide: ${line}`);
	}
});

test('hostile names - every users row ends in the header column', () => {
	const rows = section(/USER .*DEVICES/, /^(?!.*Streams \d).*\S/);
	const width = stringWidth(rows[0]!);
	assert.ok(rows.length > 10);
	for (const row of rows) {
		assert.equal(stringWidth(row), width, `misaligned: ${row}`);
	}
});

test('hostile names - every streams row ends in the header column', () => {
	const rows = section(
		/USER .*STATE.*IDLE/,
		/ (init|hook|connect|estab|closed|unknown) /,
	);
	const width = stringWidth(rows[0]!);
	assert.ok(rows.length > 10);
	for (const row of rows) {
		assert.equal(stringWidth(row), width, `misaligned: ${row}`);
	}
});

test('hostile names - control characters show as visible escapes', () => {
	assert.match(screen, /line\\x0d\\x0abreak\\x09tab/);
	assert.match(screen, /bidi \\u202eexe\.txt/);
	assert.match(screen, /c1\\x9b31mred/);
	assert.match(screen, /\\u0301\\u0301lone marks/);
});

test('hostile names - the window title was not changed', async () => {
	assert.doesNotMatch(await terminal.query('#{pane_title}'), /pwned/);
});

test('hostile names - no hostile byte reached the terminal raw', async () => {
	const raw = await readFile(rawPath, 'utf8');
	assert.ok(raw.length > 0);
	for (const id of hostileUserIds.slice(0, 7)) {
		assert.ok(!raw.includes(id), `raw ${JSON.stringify(id)} was written`);
	}

	// No title change, bell, C1 CSI, bidi override or zero-width space.
	assert.doesNotMatch(raw, /\u001B\]|\u0007|\u009B|\u202E|\u200B/u);
});
