import assert from 'node:assert/strict';
import {test} from 'node:test';

import {moveCursor} from '../source/terminal/cursor-moves.js';
import {diffFrames} from '../source/terminal/screen-diff.js';
import {CellTerminal} from './helpers/cell-terminal.js';
import {seededRandom} from './helpers/seeded-random.js';

const green = (text: string) => `\u001B[32m${text}\u001B[39m`;
const cyan = (text: string) => `\u001B[36m${text}\u001B[39m`;
const inverse = (text: string) => `\u001B[7m${text}\u001B[27m`;

/** What a full redraw of `lines` leaves on a screen of the given size. */
const redrawn = (lines: readonly string[], columns: number, rows: number) => {
	const terminal = new CellTerminal(columns, rows);
	terminal.write(diffFrames(undefined, lines));
	return terminal.snapshot();
};

test('moveCursor - takes the shortest of absolute and relative moves', () => {
	assert.equal(moveCursor(undefined, 4, 9), '\u001B[5;10H');
	assert.equal(moveCursor({row: 4, column: 20}, 4, 25), '\u001B[5C');
	assert.equal(moveCursor({row: 4, column: 20}, 4, 17), '\u001B[3D');
	assert.equal(moveCursor({row: 4, column: 20}, 5, 1), '\r\n\u001B[C');
	assert.equal(moveCursor({row: 4, column: 20}, 6, 20), '\u001B[2B');
});

test('moveCursor - from an unknown column, moves by column number', () => {
	assert.equal(moveCursor({row: 3, column: undefined}, 3, 40), '\u001B[41G');
	assert.equal(moveCursor({row: 3, column: undefined}, 3, 0), '\r');
	assert.equal(moveCursor(undefined, 0, 0), '\u001B[H');
});

test('diffFrames - a style is kept over a cursor move, not reset', () => {
	const before = `${cyan('▁▂')}      ${cyan('▃▄')} 1`;
	const after = `${cyan('▂▂')}      ${cyan('▃▅')} 2`;
	assert.equal(
		diffFrames([before], [after]),
		'\u001B[?7l\u001B[H\u001B[36m▂\u001B[8C▅\u001B[0m 2\r\u001B[?7h',
	);
	const terminal = new CellTerminal(20, 1);
	terminal.write(diffFrames(undefined, [before]));
	terminal.write(diffFrames([before], [after]));
	assert.deepEqual(terminal.snapshot(), redrawn([after], 20, 1));
});

test('diffFrames - an erase after a styled cell is made in the plain style', () => {
	const before = [`a ${inverse('x')} long tail`];
	const after = [`a ${inverse('y')}`];
	const terminal = new CellTerminal(20, 1);
	terminal.write(diffFrames(undefined, before));
	terminal.write(diffFrames(before, after));
	assert.deepEqual(terminal.snapshot(), redrawn(after, 20, 1));
	assert.equal(terminal.style, '');
});

// A table of `count` rows, one per name, with a rate that changes.
const table = (names: readonly string[], rate: (name: string) => number) =>
	names.map(
		name =>
			`${name.padEnd(12)}${green('estab')} ${String(rate(name)).padStart(6)}` +
			' KiB/s  203.0.113.7:443',
	);

const names = [
	'ops-bot-3', 'dave@example.com', 'zoe', 'sybil', 'carol.w', 'heidi.m',
	'olivia.r', 'trent', 'yuki', 'mallory', 'grace-3', 'frank_k',
];

test('diffFrames - rows that moved up are moved with a line delete and insert', () => {
	const before = ['header', ...table(names, () => 100), 'footer'];
	// user-0 leaves: every row below it moves up one.
	const after = ['header', ...table(names.slice(1), () => 100), 'footer'];
	const output = diffFrames(before, after);
	// Lines deleted at the first row, inserted back above the footer's old
	// place: rows below the block stay where they are.
	assert.match(output, /^\u001B\[\?7l\u001B\[2H\u001B\[M\u001B\[13H\u001B\[L/);
	const terminal = new CellTerminal(60, 16);
	terminal.write(diffFrames(undefined, before));
	terminal.write(output);
	assert.deepEqual(terminal.snapshot(), redrawn(after, 60, 16));
});

test('diffFrames - rows that moved down are moved, the new row written', () => {
	const before = ['header', ...table(names, () => 100), 'footer'];
	// A new busiest user comes first, the last one drops off.
	const after = [
		'header',
		...table(['newcomer', ...names.slice(0, -1)], () => 100),
		'footer',
	];
	const output = diffFrames(before, after);
	assert.ok(output.length < 120, JSON.stringify(output));
	// The frame fills the screen: a line inserted first would push the
	// footer off its bottom.
	const terminal = new CellTerminal(60, 14);
	terminal.write(diffFrames(undefined, before));
	terminal.write(output);
	assert.deepEqual(terminal.snapshot(), redrawn(after, 60, 14));
});

type TableRow = {
	readonly name: string;
	readonly rate: number;
	readonly isSelected: boolean;
};

const userNames = [
	'ops-bot-3', 'dave@example.com', '田中 さくら', 'zoë', 'sybil', 'carol.w',
	'heidi.m', 'olivia.r', 'trent', 'yuki', 'mallory', 'grace-3',
];
const bars = '▁▂▃▄▅▆▇█';

const drawRow = (row: TableRow, random: () => number): string => {
	const spark = Array.from(
		{length: 4},
		() => bars[Math.floor(random() * bars.length)]!,
	).join('');
	const line =
		`${row.name.padEnd(18)}${cyan(spark)} ${String(row.rate).padStart(5)}` +
		` KiB/s ${green('estab')}`;
	return row.isSelected ? inverse(line) : line;
};

// The next second of a monitor: rates change, rows swap, move as a block,
// come and go.
const nextRows = (
	rows: readonly TableRow[],
	random: () => number,
): TableRow[] => {
	let next = rows.map(row => ({
		...row,
		rate: random() < 0.5 ? Math.floor(random() * 5000) : row.rate,
	}));
	const choice = random();
	const at = Math.floor(random() * next.length);
	if (choice < 0.25 && next.length > 1) {
		next.splice(at, 1);
	} else if (choice < 0.5) {
		const name = `${userNames[Math.floor(random() * userNames.length)]}-${at}`;
		next.splice(at, 0, {name, rate: 1, isSelected: false});
	} else if (choice < 0.7 && next.length > 2) {
		const [row] = next.splice(at, 1);
		next.splice(Math.floor(random() * next.length), 0, row!);
	} else if (choice < 0.8) {
		next = next.map((row, index) => ({...row, isSelected: index === at}));
	}

	return next.slice(0, 14);
};

test('diffFrames - a table whose rows move ends as a full redraw leaves it', () => {
	const random = seededRandom(11).next;
	const columns = 40;
	const screenRows = 18;
	let frames = 0;
	for (let chain = 0; chain < 150; chain++) {
		let rows: TableRow[] = Array.from({length: 10}, (_, at) => ({
			name: `${userNames[at % userNames.length]}-${chain}`,
			rate: at * 10,
			isSelected: at === 0,
		}));
		const draw = (): string[] => [
			'\u001B[1mUsers\u001B[22m',
			...rows.map(row => drawRow(row, random)),
			'',
			`${rows.length} rows`,
		];
		let lines = draw();
		const actual = new CellTerminal(columns, screenRows);
		actual.write(diffFrames(undefined, lines, columns));
		for (let step = 0; step < 8; step++) {
			rows = nextRows(rows, random);
			const next = draw();
			actual.write(diffFrames(lines, next, columns));
			assert.deepEqual(
				actual.snapshot(),
				redrawn(next, columns, screenRows),
				JSON.stringify({chain, step, lines, next}),
			);
			assert.equal(actual.style, '');
			lines = next;
			frames++;
		}
	}

	assert.equal(frames, 1200);
});
