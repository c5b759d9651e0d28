// The bytes that bring one line of the screen up to date: the changed runs
// of cells, the cursor moves between them, and an erase of what is left.
import {changedRuns} from './changed-runs.js';
import {changeStyle, plain, type Style} from './sgr-style.js';
import type {Cell, Row} from './styled-line.js';
import {eraseToLineEnd, moveAlong, moveTo, reset} from './terminal-codes.js';

/** A line rewritten whole from its first column; ends in the plain style. */
const rewriteRow = (at: number, row: Row): string => {
	const closing = row.cells !== undefined && row.endStyle === plain;
	return (
		moveTo(at, 0) +
		eraseToLineEnd +
		changeStyle(plain, row.startStyle) +
		row.text +
		(closing ? '' : reset)
	);
};

/** Cells written from the style `from`, and the style they leave. */
const encodeCells = (
	cells: readonly Cell[],
	start: number,
	end: number,
	from: Style,
): {readonly text: string; readonly style: Style} => {
	let text = '';
	let style = from;
	for (let at = start; at < end; at++) {
		const cell = cells[at]!;
		text += changeStyle(style, cell.style) + cell.text;
		style = cell.style;
	}

	return {text, style};
};

/**
The bytes that turn screen row `at`, showing `before`, into `after`, on a
screen `columnCount` wide. They end in the plain style.
*/
export const diffRow = (
	at: number,
	before: Row | undefined,
	after: Row,
	columnCount: number,
): string => {
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
		return rewriteRow(at, after);
	}

	const cells = after.cells;
	const columns: number[] = [];
	let column = 0;
	for (const cell of cells) {
		columns.push(column);
		column += cell.width;
	}

	let output = '';
	let style = plain;
	let end = 0;
	// Where the cursor stands after the last write in this row. With
	// auto-wrap off it stays on the last column once the row is full.
	let cursor: number | undefined;
	for (const [start, runEnd] of changedRuns(
		previousCells,
		previousWidth,
		cells,
		columns,
	)) {
		const restart = encodeCells(cells, start, runEnd, plain);
		const restartText =
			(style === plain ? '' : reset) +
			moveAlong(at, cursor, columns[start]!) +
			restart.text;
		// Writing the few unchanged cells between two runs can cost less
		// than a reset and a cursor move.
		const bridge =
			output === '' ? undefined : encodeCells(cells, end, runEnd, style);
		if (
			bridge !== undefined &&
			Buffer.byteLength(bridge.text) <= Buffer.byteLength(restartText)
		) {
			output += bridge.text;
			style = bridge.style;
		} else {
			output += restartText;
			style = restart.style;
		}

		end = runEnd;
		const last = cells[end - 1]!;
		cursor = Math.min(columns[end - 1]! + last.width, columnCount - 1);
	}

	if (style !== plain) {
		output += reset;
	}

	if (previousWidth > after.width) {
		// The cursor already stands after the last cell when it was written.
		const isAtEnd = cursor === after.width;
		output +=
			(isAtEnd ? '' : moveAlong(at, cursor, after.width)) + eraseToLineEnd;
	}

	return output;
};
