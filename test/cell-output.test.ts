import assert from 'node:assert/strict';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {pathToFileURL} from 'node:url';

import stringWidth from 'string-width';

import CellOutput, {type Clip} from '../source/terminal/cell-output.js';
import {CellTerminal} from './helpers/cell-terminal.js';
import {seededRandom} from './helpers/seeded-random.js';

type Transformer = (line: string, index: number) => string;
type OutputLike = {
	write(
		x: number,
		y: number,
		text: string,
		options: {transformers: Transformer[]},
	): void;
	clip(clip: Clip): void;
	unclip(): void;
	get(): {output: string; height: number};
};
type OutputClass = new (size: {width: number; height: number}) => OutputLike;

// Ink's own Output, the reference: its package exports only the entry point.
const inkEntry = createRequire(import.meta.url).resolve('ink');
const {default: InkOutput} = (await import(
	pathToFileURL(join(dirname(inkEntry), 'output.js')).href
)) as {default: OutputClass};

type Operation =
	| {type: 'write'; x: number; y: number; text: string; transformers: Transformer[]}
	| {type: 'clip'; clip: Clip}
	| {type: 'unclip'};

const render = (
	Output: OutputClass,
	width: number,
	height: number,
	operations: readonly Operation[],
): {screen: string[]; output: string} => {
	const output = new Output({width, height});
	for (const operation of operations) {
		if (operation.type === 'write') {
			output.write(operation.x, operation.y, operation.text, {
				transformers: operation.transformers,
			});
		} else if (operation.type === 'clip') {
			output.clip(operation.clip);
		} else {
			output.unclip();
		}
	}

	const frame = output.get();
	const terminal = new CellTerminal(width, height);
	terminal.write(frame.output.split('\n').join('\r\n'));
	return {screen: terminal.snapshot(), output: frame.output};
};

// As chalk styles text: an inner close of the same kind opens it again.
const sgr = (open: string, close: string) => (text: string) =>
	`\u001B[${open}m${text.replaceAll(
		`\u001B[${close}m`,
		`\u001B[${close}m\u001B[${open}m`,
	)}\u001B[${close}m`;
const cyan = sgr('36', '39');
const inverse = sgr('7', '27');
const bold = sgr('1', '22');
const dim = sgr('2', '22');
const orange = sgr('38;5;208', '39');
const styles = [cyan, inverse, bold, dim, orange];
// Ink's own model of styles loses bold when a dim part inside it ends (both
// end with SGR 22), which a terminal does not: no bold around a line.
const lineStyles = [cyan, inverse, orange];
const words = ['alice', 'bob', '田中', '🦊 fox', 'é', '1.2 MiB/s', '▁▂▃█', ' ', '…'];

/** Random styled texts placed inside the frame, some clipped. */
const randomOperations = (seed: number, width: number, height: number) => {
	const random = seededRandom(seed);
	const operations: Operation[] = [];
	let clips = 0;
	for (let count = 0; count < 30; count++) {
		const roll = random.below(10);
		if (roll === 0) {
			const x1 = random.below(width / 2);
			const y1 = random.below(height / 2);
			operations.push({
				type: 'clip',
				clip: {x1, x2: x1 + random.below(width / 2) + 1, y1, y2: y1 + 3},
			});
			clips++;
			continue;
		}

		if (roll === 1 && clips > 0) {
			operations.push({type: 'unclip'});
			clips--;
			continue;
		}

		const lines = Array.from({length: random.below(3) + 1}, () => {
			let line = '';
			for (let parts = random.below(4) + 1; parts > 0; parts--) {
				const word = random.pick(words);
				line += random.below(2) === 0 ? word : random.pick(styles)(word);
			}

			return line;
		});
		const lineWidth = Math.max(...lines.map(line => stringWidth(line)));
		const transformers: Transformer[] = [];
		if (random.below(3) === 0) {
			transformers.push(random.pick(lineStyles));
		}

		if (random.below(4) === 0) {
			transformers.push((line, index) => `${index}${line}`);
		}

		operations.push({
			type: 'write',
			x: random.below(Math.max(1, width - lineWidth - 2)),
			y: random.below(height),
			text: lines.join('\n'),
			transformers,
		});
	}

	return operations;
};

test('cell output - shows the same cells as Ink for random styled texts', () => {
	for (let seed = 1; seed <= 300; seed++) {
		const operations = randomOperations(seed, 40, 8);
		const ours = render(CellOutput, 40, 8, operations);
		const ink = render(InkOutput, 40, 8, operations);
		assert.deepEqual(ours.screen, ink.screen, `seed ${seed}`);
	}
});

test('cell output - a frame drawn again comes out the same', () => {
	const operations = randomOperations(7, 40, 8);
	const first = render(CellOutput, 40, 8, operations);
	const second = render(CellOutput, 40, 8, operations);
	assert.equal(second.output, first.output);
	assert.ok(first.output.includes('\u001B['));
});

test('cell output - a wide character is not split by a clip', () => {
	const operations: Operation[] = [
		{type: 'clip', clip: {x1: 0, x2: 3}},
		{type: 'write', x: 0, y: 0, text: 'a田中', transformers: []},
		{type: 'unclip'},
	];
	const {output} = render(CellOutput, 10, 1, operations);
	assert.equal(output, 'a田');
});

test('cell output - escape sequences other than colours are left out', () => {
	const text = 'a\u001B]0;title\u0007b\u001B[2Jc';
	const {output} = render(CellOutput, 10, 1, [
		{type: 'write', x: 0, y: 0, text, transformers: []},
	]);
	assert.equal(output, 'abc');
});
