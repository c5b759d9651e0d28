import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {after, test} from 'node:test';
import {promisify} from 'node:util';
import {fileURLToPath} from 'node:url';

import {openTerminal, type Terminal} from './helpers/tmux.js';

// These run the built hytop in a real pseudo-terminal (npm test builds first).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const terminals: Terminal[] = [];
const run = promisify(execFile);

after(async () => {
	await Promise.all(terminals.map(async terminal => terminal.close()));
});

const open = async (command: string, size?: {columns: number; rows: number}) => {
	const terminal = await openTerminal(command, size);
	terminals.push(terminal);
	return terminal;
};

test('terminal - demo draws live even when CI is set', async () => {
	const terminal = await open(`CI=true node ${cli} --demo`);
	// The two rates, whether or not their graphs are drawn yet.
	const totals = /up (\S+ \S+) .*?down (\S+ \S+)/;
	const rates = (screen: string) => totals.exec(screen)?.slice(1).join(' ');
	const first = await terminal.waitForText(totals);
	assert.match(first, /DEMO: simulated data/);
	const firstRates = rates(first);
	// A later frame with other numbers proves frames are drawn live.
	const later = await terminal.waitForScreen(
		screen => rates(screen) !== undefined && rates(screen) !== firstRates,
	);
	assert.match(later, /▸ Users/);
	await terminal.sendKeys('q');
});

test('terminal - q leaves a clean shell: screen, cursor and raw mode restored', async () => {
	const terminal = await open(
		`echo BEFORE-HYTOP; node ${cli} --demo; stty -a | grep -o -- '-\\?icanon '`,
	);
	await terminal.waitForText('DEMO: simulated data');
	assert.equal(await terminal.query('#{alternate_on}'), '1');
	await terminal.sendKeys('q');
	const screen = await terminal.waitForText('EXIT=');
	assert.match(screen, /BEFORE-HYTOP/);
	assert.doesNotMatch(screen, /DEMO: simulated data/);
	assert.match(screen, /^icanon$/m);
	assert.equal(await terminal.query('#{alternate_on}'), '0');
	assert.equal(await terminal.query('#{cursor_flag}'), '1');
});

for (const [signal, code] of [
	['SIGTERM', 143],
	['SIGHUP', 129],
] as const) {
	test(`terminal - ${signal} restores the terminal and exits ${code}`, async () => {
		const terminal = await open(`node ${cli} --demo`);
		await terminal.waitForText('DEMO: simulated data');
		const shellPid = await terminal.query('#{pane_pid}');
		const {stdout} = await run('pgrep', ['-P', shellPid]);
		process.kill(Number(stdout.trim()), signal);
		const screen = await terminal.waitForText('EXIT=');
		assert.match(screen, new RegExp(`EXIT=${code}`));
		assert.equal(await terminal.query('#{alternate_on}'), '0');
	});
}

test('terminal - Ctrl-C quits like q', async () => {
	const terminal = await open(`node ${cli} --demo`);
	// Keys are read once the first answers are drawn; before that, Ctrl-C
	// is the terminal's SIGINT (exit 130), which is fine but not this test.
	await terminal.waitForText(/live · polled/);
	await terminal.sendKeys('C-c');
	const screen = await terminal.waitForText('EXIT=');
	assert.match(screen, /EXIT=0/);
	assert.equal(await terminal.query('#{alternate_on}'), '0');
});

test('terminal - without a TTY the monitor points to --once and exits 2', async () => {
	const terminal = await open(`echo | node ${cli} --demo`);
	const screen = await terminal.waitForText('EXIT=');
	assert.match(screen, /--once/);
	assert.match(screen, /EXIT=2/);
});

test('terminal - the frame re-lays out after a resize', async () => {
	const terminal = await open(`node ${cli} --demo`, {columns: 120, rows: 30});
	await terminal.waitForText('SNIFFED');
	await terminal.resize(60, 20);
	const narrow = await terminal.waitForText(/▸ Users/);
	const lines = narrow.split('\n');
	assert.ok(lines.every(line => line.length <= 60));
	await terminal.sendKeys('q');
});

test('terminal - 40x10 still shows a pane, nothing wider than the terminal', async () => {
	const terminal = await open(`node ${cli} --demo`, {columns: 40, rows: 10});
	const screen = await terminal.waitForText(/▸ Users/);
	assert.ok(screen.split('\n').every(line => line.length <= 40));
	assert.match(screen, /DEMO/);
	await terminal.sendKeys('q');
});

test('terminal - below 40x10 it says the terminal is too small', async () => {
	const terminal = await open(`node ${cli} --demo`, {columns: 30, rows: 8});
	await terminal.waitForText('Too small: 30x8, needs 40x10');
	await terminal.resize(60, 20);
	await terminal.waitForText(/▸ Users/);
	await terminal.sendKeys('q');
	await terminal.waitForText('EXIT=0');
});

test('terminal - NO_COLOR draws without colour codes', async () => {
	const terminal = await open(`NO_COLOR=1 node ${cli} --demo`);
	await terminal.waitForText(/live · polled/);
	const styled = await terminal.screenWithEscapes();
	assert.doesNotMatch(styled, /\u001B\[(3|4|9|10)\d(;\d+)*m/);
	await terminal.sendKeys('q');
});

test('terminal - TERM=dumb is refused with a pointer to --once', async () => {
	const terminal = await open(`TERM=dumb node ${cli} --demo`);
	const screen = await terminal.waitForText('EXIT=');
	assert.match(screen, /TERM=dumb.*--once/s);
	assert.match(screen, /EXIT=2/);
});
