// The bytes that bring one line of the screen up to date: the changed runs
// of cells, the cursor moves between them, and an erase of what is left.
import {changedRuns} from './changed-runs.js';
import {type Cursor, moveCursor} from './cursor-moves.js';
import {changeStyle, plain, type Style} from './sgr-style.js';
import type {Cell, Row} from './styled-line.js';
import {eraseToLineEnd} from './terminal-codes.js';

/**
What the terminal holds between two writes of a diff: where the cursor
stands and the SGR style in force, either undefined when not known. Moves
leave the style as it is, so it is carried from one run to the next
instead of being reset and set again.
*/
export type Pen = {
	readonly cursor: Cursor | undefined;
	readonly style: Style | undefined;
};

/**
An erase from `cursor` to the end of its row, `row`, `column`. Erased cells
take the background in force: the style is made plain first, as a full
redraw leaves them.
*/
export const eraseFrom = (
	pen: Pen,
	row: number,
	column: number,
): {readonly output: string; readonly pen: Pen} => ({
	output:
		moveCursor(pen.cursor, row, column) +
		changeStyle(pen.style, plain) +
		eraseToLineEnd,
	pen: {cursor: {row, column}, style: plain},
});

/**
A line rewritten whole from its first column. Its escapes other than SGR
may move the cursor or change what SGR does: both are unknown after it.
*/
const rewriteRow = (
	at: number,
	row: Row,
	pen: Pen,
): {readonly output: string; readonly pen: Pen} => {
	const erase = eraseFrom(pen, at, 0);
	return {
		output: erase.output + changeStyle(plain, row.startStyle) + row.text,
		pen: {
			cursor: undefined,
			style: row.cells === undefined ? undefined : row.endStyle,
		},
	};
};

/** Cells written from the style `from`. */
const encodeCells = (
	cells: readonly Cell[],
	start: number,
	end: number,
	from: Style | undefined,
): string => {
	let text = '';
	let style = from;
	for (let at = start; at < end; at++) {
		const cell = cells[at]!;
		text += changeStyle(style, cell.style) + cell.text;
		style = cell.style;
	}

	return text;
};

/**
The bytes that turn screen row `at`, showing `before`, into `after`, on a
screen `columnCount` wide, with the terminal's cursor and style in `pen`;
and the pen they leave. The style is not reset at the end: the next row
may go on in it.
*/
export const diffRow = (
	at: number,
	before: Row | undefined,
	after: Row,
	columnCount: number,
	pen: Pen,
): {readonly output: string; readonly pen: Pen} => {
	const previousCells = before === undefined ? [] : before.cells;
	const previousWidth = before?.width ?? 0;
	// A line wider than the screen had its tail written over the last
	// column: what it shows there is not what its cells say.
	if (
		after.cells === undefined ||
		previousCells === undefined ||
		after.width > columnCount ||
		previousWidth > columnCount
	) {
		return rewriteRow(at, after, pen);
	}

	const cells = after.cells;
	const columns: number[] = [];
	let column = 0;
	for (const cell of cells) {
		columns.push(column);
		column += cell.width;
	}

	let output = '';
	let {cursor, style} = pen;
	// The cell after the last one written in this row, if any.
	let end: number | undefined;
	for (const [start, runEnd] of changedRuns(
		previousCells,
		previousWidth,
		cells,
		columns,
	)) {
		const jump =
			moveCursor(cursor, at, columns[start]!) +
			encodeCells(cells, start, runEnd, style);
		// Writing the few unchanged cells between two runs can cost less
		// than a cursor move.
		const bridge =
			end === undefined
				? undefined
				: encodeCells(cells, end, runEnd, style);
		output +=
			bridge !== undefined &&
			Buffer.byteLength(bridge) <= Buffer.byteLength(jump)
				? bridge
				: jump;
		end = runEnd;
		const last = cells[end - 1]!;
		style = last.style;
		// With auto-wrap off the cursor stays on the last column once the
		// row is full.
		cursor = {
			row: at,
			column: Math.min(columns[end - 1]! + last.width, columnCount - 1),
		};
	}

	if (previousWidth > after.width) {
		const erase = eraseFrom({cursor, style}, at, after.width);
		return {output: output + erase.output, pen: erase.pen};
	}

	return {output, pen: {cursor, style}};
};
