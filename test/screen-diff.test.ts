import assert from 'node:assert/strict';
import {EventEmitter} from 'node:events';
import {test} from 'node:test';

import {classifyInkWrite} from '../source/terminal/ink-write.js';
import {diffFrames} from '../source/terminal/screen-diff.js';
import {ScreenDiffStdout} from '../source/terminal/screen-diff-stdout.js';
import {CellTerminal} from './helpers/cell-terminal.js';
import {seededRandom} from './helpers/seeded-random.js';

const wrapOff = '\u001B[?7l';
const wrapOn = '\u001B[?7h';
const drawn = (text: string) => wrapOff + text + wrapOn;
const whole = (text: string) => drawn(`\u001B[0m\u001B[2J\u001B[H${text}`);
const green = (text: string) => `\u001B[32m${text}\u001B[39m`;
const red = (text: string) => `\u001B[31m${text}\u001B[39m`;

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
		whole('a\r\nb'),
	);
	assert.equal(diffFrames(['a'], ['a']), '');
});

test('diffFrames - a changed value rewrites only its cells', () => {
	const output = diffFrames(['up 10 KiB', 'same'], ['up 12 KiB', 'same']);
	assert.equal(output, drawn('\u001B[1;5H2\r\n'));
	assert.equal(diffFrames(['a', 'b'], ['a', 'b']), '');
});

test('diffFrames - one changed cell in a styled line brings its style', () => {
	const before = `ab ${green('estab')} 1 KiB`;
	const after = `ab ${green('estxb')} 1 KiB`;
	assert.equal(
		diffFrames([before], [after]),
		drawn('\u001B[1;7H\u001B[32mx\u001B[0m\r'),
	);
	assert.equal(
		diffFrames([`${green('a')}b`], [`${green('a')}c`]),
		drawn('\u001B[1;2Hc\r'),
	);
});

test('diffFrames - a new style on the same text is rewritten', () => {
	assert.equal(
		diffFrames([`ab ${green('ok')}`], [`ab ${red('ok')}`]),
		drawn('\u001B[1;4H\u001B[31mok\u001B[0m\r'),
	);
	assert.equal(
		diffFrames([`\u001B[1mab\u001B[22m`], [`\u001B[1;4mab\u001B[0m`]),
		drawn('\u001B[H\u001B[1;4mab\u001B[0m\r'),
	);
});

test('diffFrames - a wide character and two narrow ones swap places', () => {
	assert.equal(
		diffFrames(['a田b'], ['axyb']),
		drawn('\u001B[1;2Hxy\r'),
	);
	assert.equal(
		diffFrames(['axyb'], ['a田b']),
		drawn('\u001B[1;2H田\r'),
	);
});

test('diffFrames - a write never starts in the right half of a wide one', () => {
	// Column 2 changes, but it is the right half of the old 田.
	assert.equal(
		diffFrames(['a田b'], ['a xb']),
		drawn('\u001B[1;2H x\r'),
	);
	assert.equal(
		diffFrames(['ab田'], ['a界c']),
		drawn('\u001B[1;2H界c\r'),
	);
});

test('diffFrames - a shorter line is erased after its last cell', () => {
	assert.equal(
		diffFrames(['rate 12 KiB'], ['rate 9 KiB']),
		drawn('\u001B[1;6H9 KiB\u001B[K\r'),
	);
	assert.equal(
		diffFrames(['total 120'], ['total 12']),
		drawn('\u001B[1;9H\u001B[K\r'),
	);
});

test('diffFrames - a longer line writes only its new cells', () => {
	assert.equal(
		diffFrames(['up 1'], ['up 1 KiB']),
		drawn('\u001B[1;6HKiB\r'),
	);
	assert.equal(diffFrames(['up'], ['up   ']), '');
});

test('diffFrames - close runs are joined, far ones get a cursor move', () => {
	assert.equal(
		diffFrames(['a1b2c'], ['a3b4c']),
		drawn('\u001B[1;2H3b4\r'),
	);
	// To column 18: shorter than the row and column; the style is changed
	// after the move, where the plain cell is.
	assert.equal(
		diffFrames(['1 unchanged text 1'], [`${green('2')} unchanged text 2`]),
		drawn('\u001B[H\u001B[32m2\u001B[18G\u001B[0m2\r'),
	);
});

test('diffFrames - a frame with more lines draws the new ones', () => {
	assert.equal(
		diffFrames(['a'], ['a', green('b')]),
		drawn('\u001B[2H\u001B[32mb\u001B[0m\r'),
	);
	assert.equal(diffFrames(['a', ''], ['a']), '');
});

test('diffFrames - a line with other escapes is rewritten whole', () => {
	const link = '\u001B]8;;http://127.0.0.1/\u0007x\u001B]8;;\u0007';
	assert.equal(
		diffFrames([`ab${link}`], [`ac${link}`]),
		drawn(`\u001B[H\u001B[Kac${link}\u001B[0m\u001B[H`),
	);
	assert.equal(
		diffFrames(['a\u001B[3Cb'], ['a\u001B[3Cc']),
		drawn('\u001B[H\u001B[Ka\u001B[3Cc\u001B[0m\u001B[H'),
	);
});

test('diffFrames - a line with an emoji sequence is rewritten whole', () => {
	// Terminals draw a joined family one to six columns wide.
	const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
	assert.equal(
		diffFrames([`${family} 1`], [`${family} 2`]),
		drawn(`\u001B[H\u001B[K${family} 2\u001B[0m\u001B[H`),
	);
	assert.equal(
		diffFrames(['田 😀 1'], ['田 😀 2']),
		drawn('\u001B[1;7H2\r'),
	);
});

test('diffFrames - an SGR it does not know redraws the frame whole', () => {
	const curly = '\u001B[4:3mx\u001B[0m';
	assert.equal(diffFrames(['a'], [curly]), whole(`${curly}\u001B[0m`));
	assert.equal(diffFrames([curly], ['a']), whole('a'));
});

test('diffFrames - a line wider than the screen is rewritten whole', () => {
	assert.equal(
		diffFrames(['abcdef'], ['abcdeX'], 4),
		drawn('\u001B[H\u001B[KabcdeX\u001B[H'),
	);
	assert.equal(
		diffFrames(['abcdef'], ['abX'], 4),
		drawn('\u001B[H\u001B[KabX\u001B[H'),
	);
});

test('diffFrames - a style goes on into the next line without a reset', () => {
	const before = ['\u001B[32ma', 'b\u001B[39m'];
	const after = ['\u001B[31ma', 'b\u001B[39m'];
	assert.equal(
		diffFrames(before, after),
		drawn('\u001B[H\u001B[31ma\r\nb\u001B[0m\r'),
	);
	assert.equal(
		diffFrames(undefined, before),
		whole('\u001B[32ma\r\nb\u001B[39m'),
	);
});

const characters = [
	'a', 'b', 'c', ' ', ' ', ' ', '1', '2', '-', '田', '界', '😀', 'é',
	'▁', '▂', '✓',
];
const sgrs = [
	'32', '39', '1', '22', '2', '0', '', '7', '27', '4', '24', '38;5;208',
	'48;2;10;20;30', '49', '41', '1;31', '9', '3', '90', '0;44',
].map(parameters => `\u001B[${parameters}m`);
const frameColumns = 30;

const randomLine = (random: () => number): string[] => {
	const tokens: string[] = [];
	let width = 0;
	const length = Math.floor(random() * frameColumns);
	while (width < length) {
		if (random() < 0.2) {
			tokens.push(sgrs[Math.floor(random() * sgrs.length)]!);
			continue;
		}

		const character = characters[Math.floor(random() * characters.length)]!;
		const characterWidth = ['田', '界', '😀'].includes(character) ? 2 : 1;
		if (width + characterWidth > frameColumns) {
			break;
		}

		tokens.push(character);
		width += characterWidth;
	}

	return tokens;
};

// Mostly small edits, as between two seconds of a monitor, some new lines.
const nextLine = (tokens: string[], random: () => number): string[] => {
	const choice = random();
	if (choice < 0.3 || tokens.length === 0) {
		return choice < 0.15 ? tokens : randomLine(random);
	}

	const edited = [...tokens];
	const edits = 1 + Math.floor(random() * 3);
	for (let edit = 0; edit < edits && edited.length > 0; edit++) {
		const at = Math.floor(random() * edited.length);
		const pool = edited[at]!.startsWith('\u001B') ? sgrs : ['a', 'b', '1'];
		const kind = random();
		if (kind < 0.6) {
			edited[at] = pool[Math.floor(random() * pool.length)]!;
		} else if (kind < 0.8) {
			edited.splice(at, 1);
		} else if (edited.length < frameColumns - 2) {
			edited.splice(at, 0, sgrs[Math.floor(random() * sgrs.length)]!);
		}
	}

	return edited;
};

test('diffFrames - the screen ends as a full redraw leaves it', () => {
	const random = seededRandom(7).next;
	const screenRows = 8;
	let pairs = 0;
	for (let chain = 0; chain < 300; chain++) {
		const rowCount = 1 + Math.floor(random() * screenRows);
		let tokens = Array.from({length: rowCount}, () => randomLine(random));
		let lines = tokens.map(line => line.join(''));
		const actual = new CellTerminal(frameColumns + 4, screenRows);
		actual.write(diffFrames(undefined, lines));
		for (let step = 0; step < 6; step++) {
			const rowCount = Math.min(
				screenRows,
				Math.max(1, tokens.length + Math.floor(random() * 3) - 1),
			);
			tokens = Array.from({length: rowCount}, (_, row) =>
				nextLine(tokens[row] ?? [], random),
			);
			const next = tokens.map(line => line.join(''));
			actual.write(diffFrames(lines, next));
			const expected = new CellTerminal(frameColumns + 4, screenRows);
			expected.write(diffFrames(undefined, next));
			assert.deepEqual(
				actual.snapshot(),
				expected.snapshot(),
				JSON.stringify({chain, step, lines, next}),
			);
			assert.equal(actual.style, '');
			lines = next;
			pairs++;
		}
	}

	assert.equal(pairs, 1800);
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
	assert.equal(terminal.written[1], drawn('\u001B[2HB\r\n'));
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
	assert.equal(terminal.written[1], whole('a\r\nb'));
});

test('screen diff stdout - an erase written alone forgets the screen', () => {
	const {terminal, stdout} = wrap();
	stdout.write('a\nb');
	stdout.write('\u001B[2K\u001B[1A\u001B[2K\u001B[G');
	stdout.write('a\nb');
	assert.equal(terminal.written[1], '\u001B[2K\u001B[1A\u001B[2K\u001B[G');
	assert.equal(terminal.written[2], whole('a\r\nb'));
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
	assert.equal(terminal.written[0], whole('a\r\nb\r\nc'));
	stdout.write('a\nb\nC\nD');
	assert.equal(terminal.written[1], drawn('\u001B[3HC\r'));
});
