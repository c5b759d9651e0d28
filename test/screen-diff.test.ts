import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {test} from 'node:test';

import {
	classifyInkWrite,
	diffFrames,
	sharedStart,
} from '../source/terminal/screen-diff.js';
import {ScreenDiffStdout} from '../source/terminal/screen-diff-stdout.js';

const wrapOff = '\u001B[?7l';
const wrapOn = '\u001B[?7h';
const drawn = (text: string) => wrapOff + text + wrapOn;
const green = (text: string) => `\u001B[32m${text}\u001B[39m`;

class FakeTerminal extends EventEmitter {
	readonly isTTY = true;
	columns = 20;
	rows = 3;
	written: string[] = [];

	write(text: string): boolean {
		this.written.push(text);
		return true;
	}
}

const wrap = () => {
	const terminal = new FakeTerminal();
	const stdout = new ScreenDiffStdout(
		terminal as unknown as NodeJS.WriteStream,
	);
	return {terminal, stdout};
};

test('diffFrames - a first frame clears the screen and draws every line', () => {
	assert.equal(
		diffFrames(undefined, ['a', 'b']),
		drawn('\u001B[2J\u001B[Ha\r\nb'),
	);
	assert.equal(diffFrames(['a'], ['a']), '');
});

test('diffFrames - a changed value rewrites from where the lines differ', () => {
	const output = diffFrames(['up 10 KiB', 'same'], ['up 12 KiB', 'same']);
	assert.equal(output, drawn('\u001B[1;5H\u001B[K2 KiB\u001B[2;1H'));
});

test('diffFrames - a shrinking frame erases the lines it no longer has', () => {
	const output = diffFrames(['a', 'b', 'c'], ['a']);
	assert.equal(output, drawn('\u001B[2;1H\u001B[K\u001B[3;1H\u001B[K\u001B[1;1H'));
});

test('sharedStart - never starts inside a colour', () => {
	const before = `ab ${green('estab')} 1 KiB`;
	const after = `ab ${green('estab')} 2 KiB`;
	const start = sharedStart(before, after);
	assert.equal(after.slice(start.index), '2 KiB');
	assert.equal(start.column, 9);
	// A change inside the green word restarts where the colour opens.
	assert.deepEqual(sharedStart(before, `ab ${green('estax')}`), {
		index: 3,
		column: 3,
	});
});

test('sharedStart - stops before a wide character', () => {
	assert.deepEqual(sharedStart('a田b', 'a田c'), {index: 1, column: 1});
	assert.deepEqual(sharedStart('abc', 'abd'), {index: 2, column: 2});
});

test('classifyInkWrite - drops the erase before a frame, keeps controls', () => {
	const erase = '\u001B[2K\u001B[1A\u001B[2K\u001B[G';
	assert.deepEqual(classifyInkWrite(`${erase}one\ntwo\n`), {
		kind: 'frame',
		lines: ['one', 'two'],
	});
	assert.deepEqual(classifyInkWrite('\u001B[?25l'), {
		kind: 'control',
		isHarmless: true,
	});
});

test('screen diff stdout - sends only the changed line of the next frame', () => {
	const {terminal, stdout} = wrap();
	stdout.write('a\nb\nc');
	stdout.write('\u001B[2J\u001B[3J\u001B[Ha\nB\nc');
	assert.equal(terminal.written.length, 2);
	assert.equal(terminal.written[1], drawn('\u001B[2;1H\u001B[KB\u001B[3;1H'));
});

test('screen diff stdout - a resize redraws the next frame whole', () => {
	const {terminal, stdout} = wrap();
	let resizes = 0;
	stdout.on('resize', () => resizes++);
	stdout.write('a\nb');
	terminal.columns = 30;
	terminal.emit('resize');
	stdout.write('a\nb');
	assert.equal(resizes, 1);
	assert.equal(stdout.columns, 30);
	assert.equal(terminal.written[1], drawn('\u001B[2J\u001B[Ha\r\nb'));
});

test('screen diff stdout - an erase written alone forgets the screen', () => {
	const {terminal, stdout} = wrap();
	stdout.write('a\nb');
	stdout.write('\u001B[2K\u001B[1A\u001B[2K\u001B[G');
	stdout.write('a\nb');
	assert.equal(terminal.written[1], '\u001B[2K\u001B[1A\u001B[2K\u001B[G');
	assert.equal(terminal.written[2], drawn('\u001B[2J\u001B[Ha\r\nb'));
});

test('screen diff stdout - dispose stops forwarding resizes', () => {
	const {terminal, stdout} = wrap();
	stdout.dispose();
	assert.equal(terminal.listenerCount('resize'), 0);
	assert.equal(stdout.isTTY, true);
});

test('screen diff stdout - a frame taller than the screen is cut to fit', () => {
	const {terminal, stdout} = wrap();
	stdout.write('a\nb\nc\nd');
	assert.equal(terminal.written[0], drawn('\u001B[2J\u001B[Ha\r\nb\r\nc'));
	stdout.write('a\nb\nC\nD');
	assert.equal(terminal.written[1], drawn('\u001B[3;1H\u001B[KC\u001B[3;1H'));
});
