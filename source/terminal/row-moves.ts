// When rows of a table change places (a new busiest user, a stream that
// closed), a block of lines shows what the screen has, a few rows higher or
// lower. Deleting and inserting lines moves such a block in a few bytes,
// and only its changed cells are written after.
import {moveCursor} from './cursor-moves.js';
import {diffRow, type Pen} from './row-diff.js';
import {changeStyle, plain} from './sgr-style.js';
import {parseRow, type Row} from './styled-line.js';

/** How far a row's old content is looked for, up and down. */
const reach = 8;
/** Cells a move must save on a row for it to be tried. */
const minimumGain = 8;

const blankRow = parseRow('', plain)!;

/** Cells of `after` that `before` shows at the same index. */
const sameCells = (before: Row, after: Row): number => {
	const left = before.cells;
	const right = after.cells;
	if (left === undefined || right === undefined) {
		return 0;
	}

	let count = 0;
	const length = Math.min(left.length, right.length);
	for (let at = 0; at < length; at++) {
		const a = left[at]!;
		const b = right[at]!;
		if (a.text === b.text && a.style === b.style) {
			count++;
		}
	}

	return count;
};

/**
For each row, how many rows down its content is best taken from (negative:
up), or 0 when its own place is best.
*/
const findShifts = (
	before: readonly Row[],
	after: readonly Row[],
	rowCount: number,
): number[] => {
	const shifts: number[] = [];
	for (let at = 0; at < rowCount; at++) {
		const row = after[at]!;
		let best = 0;
		if (row !== before[at] && row.cells !== undefined) {
			let bestCount = sameCells(before[at]!, row) + minimumGain;
			const from = Math.max(0, at - reach);
			const to = Math.min(rowCount - 1, at + reach);
			for (let source = from; source <= to; source++) {
				const count = source === at ? 0 : sameCells(before[source]!, row);
				if (count > bestCount) {
					best = source - at;
					bestCount = count;
				}
			}
		}

		shifts.push(best);
	}

	// A row that gains nothing from either place goes with its neighbours:
	// the block moves whole, in one move instead of several.
	const grow = (at: number, neighbour: number) => {
		const shift = shifts[neighbour] ?? 0;
		const source = at + shift;
		if (
			shifts[at] === 0 &&
			shift !== 0 &&
			source >= 0 &&
			source < rowCount &&
			sameCells(before[source]!, after[at]!) >=
				sameCells(before[at]!, after[at]!)
		) {
			shifts[at] = shift;
		}
	};

	for (let at = 1; at < rowCount; at++) {
		grow(at, at - 1);
	}

	for (let at = rowCount - 2; at >= 0; at--) {
		grow(at, at + 1);
	}

	return shifts;
};

type Block = {
	/** The first and last row that take content from elsewhere. */
	readonly first: number;
	readonly last: number;
	/** Where that content is now: `shift` rows lower (negative: higher). */
	readonly shift: number;
};

const findBlocks = (shifts: readonly number[]): Block[] => {
	const blocks: Block[] = [];
	for (let at = 0; at < shifts.length; ) {
		const shift = shifts[at]!;
		let last = at;
		while (shift !== 0 && shifts[last + 1] === shift) {
			last++;
		}

		if (shift !== 0) {
			blocks.push({first: at, last, shift});
		}

		at = last + 1;
	}

	return blocks;
};

const count = (value: number): string => (value === 1 ? '' : String(value));

/**
The lines from `top` to `bottom` moved by `shift` rows (positive: up),
the lines below them left in place: lines are deleted first, so that none
is pushed off the screen's bottom, then inserted. The cursor's column is
unknown after, its row is where the lines were inserted.
*/
const encodeMove = (
	pen: Pen,
	top: number,
	bottom: number,
	shift: number,
): {readonly output: string; readonly pen: Pen} => {
	const lines = Math.abs(shift);
	const deleteAt = shift > 0 ? top : bottom + 1 - lines;
	const insertAt = shift > 0 ? bottom + 1 - lines : top;
	// Inserted lines take the background in force.
	const output =
		changeStyle(pen.style, plain) +
		moveCursor(pen.cursor, deleteAt, 0) +
		`\u001B[${count(lines)}M` +
		moveCursor({row: deleteAt, column: undefined}, insertAt, 0) +
		`\u001B[${count(lines)}L`;
	return {
		output,
		pen: {cursor: {row: insertAt, column: undefined}, style: plain},
	};
};

const rowCost = (
	at: number,
	shown: Row,
	row: Row,
	columnCount: number,
): number =>
	shown === row
		? 0
		: Buffer.byteLength(
				diffRow(at, shown, row, columnCount, {
					cursor: undefined,
					style: plain,
				}).output,
			);

/**
Moves blocks of lines on screen where that saves bytes: the bytes that do
it, the pen they leave, and what the screen shows after them, row by row.
`screen` is what is shown now, `next` the frame to come.
*/
export const moveRows = (
	screen: readonly Row[],
	next: readonly Row[],
	columnCount: number,
	pen: Pen,
): {
	readonly output: string;
	readonly pen: Pen;
	readonly screen: readonly Row[];
} => {
	const rowCount = Math.min(screen.length, next.length);
	const blocks = findBlocks(findShifts(screen, next, rowCount));
	// Blocks moving up are taken from the top, those moving down from the
	// bottom: each then finds its content still where it was.
	const ordered = [
		...blocks.filter(block => block.shift > 0),
		...blocks.filter(block => block.shift < 0).reverse(),
	];
	const shown = [...screen];
	// Rows a move has touched: another move over them would not find
	// what the plan expects.
	const isTouched: boolean[] = [];
	let output = '';
	let current = pen;
	for (const {first, last, shift} of ordered) {
		const top = Math.min(first, first + shift);
		const bottom = Math.max(last, last + shift);
		let isFree = top >= 0 && bottom < rowCount;
		for (let at = top; isFree && at <= bottom; at++) {
			isFree = isTouched[at] !== true;
		}

		if (!isFree) {
			continue;
		}

		const moved: Row[] = [];
		for (let at = top; at <= bottom; at++) {
			const source = at + shift;
			moved.push(source >= top && source <= bottom ? shown[source]! : blankRow);
		}

		const move = encodeMove(current, top, bottom, shift);
		let costBefore = 0;
		let costAfter = Buffer.byteLength(move.output);
		for (let at = top; at <= bottom; at++) {
			costBefore += rowCost(at, shown[at]!, next[at]!, columnCount);
			costAfter += rowCost(at, moved[at - top]!, next[at]!, columnCount);
		}

		if (costAfter < costBefore) {
			output += move.output;
			current = move.pen;
			for (let at = top; at <= bottom; at++) {
				shown[at] = moved[at - top]!;
				isTouched[at] = true;
			}
		}
	}

	return {output, pen: current, screen: shown};
};
