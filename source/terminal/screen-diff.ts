// Ink's standard renderer erases and rewrites its whole frame on every
// render. hytop owns the alternate screen, so each cell's place is known:
// this turns a new frame into rewrites of only the cells that changed.
import {moveCursor} from './cursor-moves.js';
import {diffRow, eraseFrom} from './row-diff.js';
import {moveRows} from './row-moves.js';
import {changeStyle, plain} from './sgr-style.js';
import {parseRow, type Row} from './styled-line.js';
import {
	eraseScreen,
	home,
	reset,
	wrapOff,
	wrapOn,
} from './terminal-codes.js';

// Frames are parsed once: the one just drawn is the next diff's previous.
const parsedFrames = new WeakMap<readonly string[], readonly Row[] | null>();

/**
The rows of a frame, reusing those of `previous` that are unchanged, or
undefined when some SGR sequence in it is not understood.
*/
const parseFrame = (
	lines: readonly string[],
	previous?: readonly Row[],
): readonly Row[] | undefined => {
	const known = parsedFrames.get(lines);
	if (known !== undefined) {
		return known ?? undefined;
	}

	const rows: Row[] = [];
	let style = plain;
	for (const [at, line] of lines.entries()) {
		const before = previous?.[at];
		const row =
			before?.text === line && before.startStyle === style
				? before
				: parseRow(line, style);
		if (row === undefined) {
			parsedFrames.set(lines, null);
			return undefined;
		}

		rows.push(row);
		style = row.endStyle;
	}

	parsedFrames.set(lines, rows);
	return rows;
};

const drawWhole = (next: readonly string[]): string => {
	const rows = parseFrame(next);
	const isClosed =
		rows !== undefined && (rows.at(-1)?.endStyle ?? plain) === plain;
	return (
		wrapOff +
		reset +
		eraseScreen +
		home +
		next.join('\r\n') +
		(isClosed ? '' : reset) +
		wrapOn
	);
};

/**
The bytes that turn the screen showing `previous` into `next`, both lists
of lines from the top of the screen, on a screen `columnCount` wide.
Without `previous` (first frame, after a resize or an unknown write) the
screen is cleared and drawn whole. The terminal's style is plain before and
after every write.
*/
export const diffFrames = (
	previous: readonly string[] | undefined,
	next: readonly string[],
	columnCount = Number.POSITIVE_INFINITY,
): string => {
	const before = previous === undefined ? undefined : parseFrame(previous);
	const after = before === undefined ? undefined : parseFrame(next, before);
	if (before === undefined || after === undefined) {
		return drawWhole(next);
	}

	// Ink may have moved the cursor since the last diff; its style is plain.
	const moves = moveRows(before, after, columnCount, {
		cursor: undefined,
		style: plain,
	});
	let output = moves.output;
	let {pen} = moves;
	const rowCount = Math.max(before.length, after.length);
	for (let at = 0; at < rowCount; at++) {
		const old = moves.screen[at];
		const row = after[at];
		let change: ReturnType<typeof diffRow> | undefined;
		if (row === undefined) {
			const isBlank = old?.cells !== undefined && old.width === 0;
			change = isBlank ? undefined : eraseFrom(pen, at, 0);
		} else if (row !== old) {
			change = diffRow(at, old, row, columnCount, pen);
		}

		if (change !== undefined) {
			output += change.output;
			pen = change.pen;
		}
	}

	if (output === '') {
		return '';
	}

	// Back to where Ink believes the cursor is, the frame's last line, in
	// the plain style.
	return (
		wrapOff +
		output +
		changeStyle(pen.style, plain) +
		moveCursor(pen.cursor, Math.max(0, next.length - 1), 0) +
		wrapOn
	);
};
