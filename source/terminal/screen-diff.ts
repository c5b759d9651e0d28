// Ink's standard renderer erases and rewrites its whole frame on every
// render. hytop owns the alternate screen, so each cell's place is known:
// these functions turn a new frame into rewrites of only the cells that
// changed.
import stringWidth from 'string-width';

const escape = '\u001B[';
const eraseScreen = `${escape}2J`;
const home = `${escape}H`;
const eraseToLineEnd = `${escape}K`;
const reset = `${escape}0m`;
// Auto-wrap off while drawing: a line laid out for a wider terminal (just
// before a resize) is cut at the edge instead of wrapping and scrolling.
const wrapOff = `${escape}?7l`;
const wrapOn = `${escape}?7h`;

const moveTo = (row: number, column: number): string =>
	`${escape}${row + 1};${column + 1}H`;

/**
A move along a row from where the cursor stands, when it is known: forward
by a count is shorter than a row and column.
*/
const moveAlong = (
	row: number,
	from: number | undefined,
	to: number,
): string => {
	const absolute = moveTo(row, to);
	if (from === undefined || to <= from) {
		return absolute;
	}

	const forward = `${escape}${to - from === 1 ? '' : to - from}C`;
	return forward.length < absolute.length ? forward : absolute;
};

// What Ink writes before a frame: erase-lines (erase line, cursor up, ...,
// cursor to column 1) or a clear of the whole terminal. hytop redraws
// changed lines itself, so these are dropped.
const inkPrefix = /^(?:\u001B\[(?:2K|1A|G|2J|3J|H))*/;

// A write made only of control sequences: cursor visibility, synchronized
// output, erasing. Nothing in it is frame text.
const controlOnly =
	/^(?:\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007|\r)*$/;

// Mode switches such as cursor show/hide (?25) and synchronized output
// (?2026) leave the screen's content as it is.
const modeOnly = /^(?:\u001B\[\?[0-9;]*[hl])*$/;

export type InkWrite =
	| {readonly kind: 'frame'; readonly lines: readonly string[]}
	/** Passed through; `isHarmless` when it cannot change the screen. */
	| {readonly kind: 'control'; readonly isHarmless: boolean};

/** Tells a frame written by Ink from a bare control sequence. */
export const classifyInkWrite = (text: string): InkWrite => {
	if (controlOnly.test(text)) {
		return {kind: 'control', isHarmless: modeOnly.test(text)};
	}

	const frame = text.replace(inkPrefix, '');
	const lines = frame.split('\n');
	// A frame that does not fill the screen ends with a newline.
	if (lines.length > 1 && lines.at(-1) === '') {
		lines.pop();
	}

	return {kind: 'frame', lines};
};

/** The SGR state in force at a cell; `key` is its canonical parameters. */
type Style = {
	readonly flags: number;
	readonly fg: string | undefined;
	readonly bg: string | undefined;
	readonly key: string;
};

// Attribute openers by flag bit, and the parameter that closes each.
const openers = ['1', '2', '3', '4', '5', '7', '8', '9', '53'];
const closers = ['22', '22', '23', '24', '25', '27', '28', '29', '55'];
// One parameter closes both bold and dim.
const boldOrDim = 0b11;

// One object per style, so that styles compare with ===.
const styles = new Map<string, Style>();

const makeStyle = (
	flags: number,
	fg: string | undefined,
	bg: string | undefined,
): Style => {
	const parameters = openers.filter((_, bit) => (flags & (1 << bit)) !== 0);
	for (const colour of [fg, bg]) {
		if (colour !== undefined) {
			parameters.push(colour);
		}
	}

	const key = parameters.join(';');
	let style = styles.get(key);
	if (style === undefined) {
		// Only a stream of true colours could fill this; starting over just
		// costs a few rewrites while old styles compare unequal.
		if (styles.size > 4096) {
			styles.clear();
			styles.set('', plain);
		}

		style = {flags, fg, bg, key};
		styles.set(key, style);
	}

	return style;
};

const plain: Style = makeStyle(0, undefined, undefined);

const isByte = (text: string | undefined): text is string =>
	text !== undefined && /^\d+$/.test(text) && Number(text) <= 255;

/** 38;5;n or 38;2;r;g;b (and 48 the same) from `at`, or undefined. */
const readColour = (
	parameters: readonly string[],
	at: number,
): {readonly colour: string; readonly count: number} | undefined => {
	const kind = parameters[at + 1];
	const count = kind === '5' ? 3 : kind === '2' ? 5 : 0;
	const values = parameters.slice(at + 2, at + count);
	if (count === 0 || values.length !== count - 2 || !values.every(isByte)) {
		return undefined;
	}

	const numbers = values.map(value => String(Number(value)));
	return {colour: [parameters[at], kind, ...numbers].join(';'), count};
};

/** The style after an SGR sequence, or undefined for one not understood. */
const applySgr = (style: Style, text: string): Style | undefined => {
	if (!/^[\d;]*$/.test(text)) {
		return undefined;
	}

	let {flags, fg, bg} = style;
	const parameters = text.split(';');
	for (let at = 0; at < parameters.length; at++) {
		const parameter = String(Number(parameters[at] || '0'));
		const code = Number(parameter);
		const opener = openers.indexOf(parameter);
		const closer = closers.indexOf(parameter);
		if (code === 0) {
			flags = 0;
			fg = undefined;
			bg = undefined;
		} else if (opener >= 0) {
			flags |= 1 << opener;
		} else if (code === 22) {
			flags &= ~boldOrDim;
		} else if (closer >= 0) {
			flags &= ~(1 << closer);
		} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
			fg = parameter;
		} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
			bg = parameter;
		} else if (code === 39) {
			fg = undefined;
		} else if (code === 49) {
			bg = undefined;
		} else if (code === 38 || code === 48) {
			const extended = readColour(parameters, at);
			if (extended === undefined) {
				return undefined;
			}

			if (code === 38) {
				fg = extended.colour;
			} else {
				bg = extended.colour;
			}

			at += extended.count - 1;
		} else {
			return undefined;
		}
	}

	return makeStyle(flags, fg, bg);
};

/**
The SGR sequence that turns `from` into `to`: only what differs, or a reset
and the whole of `to` when that is shorter or `from` is unknown.
*/
const changeStyle = (from: Style | undefined, to: Style): string => {
	if (from === to) {
		return '';
	}

	const whole = to.key === '' ? '0' : `0;${to.key}`;
	if (from === undefined) {
		return `${escape}${whole}m`;
	}

	const parameters: string[] = [];
	let flags = from.flags;
	const removed = from.flags & ~to.flags;
	if ((removed & boldOrDim) !== 0) {
		parameters.push('22');
		flags &= ~boldOrDim;
	}

	for (let bit = 2; bit < closers.length; bit++) {
		if ((removed & (1 << bit)) !== 0) {
			parameters.push(closers[bit]!);
			flags &= ~(1 << bit);
		}
	}

	for (let bit = 0; bit < openers.length; bit++) {
		if ((to.flags & (1 << bit)) !== 0 && (flags & (1 << bit)) === 0) {
			parameters.push(openers[bit]!);
		}
	}

	if (from.fg !== to.fg) {
		parameters.push(to.fg ?? '39');
	}

	if (from.bg !== to.bg) {
		parameters.push(to.bg ?? '49');
	}

	const delta = parameters.join(';');
	return `${escape}${delta.length < whole.length ? delta : whole}m`;
};

/** What one terminal cell shows: a grapheme, its columns and style. */
type Cell = {
	readonly text: string;
	readonly width: 1 | 2;
	readonly style: Style;
};

/** One line of a frame as Ink wrote it, and what it puts on screen. */
type Row = {
	readonly text: string;
	/** The style left open by the lines above: the terminal carries it. */
	readonly startStyle: Style;
	readonly endStyle: Style;
	/**
	The cells, without trailing plain spaces (they look like erased cells);
	undefined when the line holds escape sequences other than SGR or
	characters of no clear width: such a line is only ever rewritten whole,
	as a full redraw would write it.
	*/
	readonly cells: readonly Cell[] | undefined;
	/** Columns the cells take; 0 for a line without cells. */
	readonly width: number;
};

const graphemes = new Intl.Segmenter();
const widths = new Map<string, number>();

/**
Columns a grapheme takes, or 0 when the terminal may disagree: a wide
grapheme of several code points (an emoji sequence) is drawn one, two or
more columns wide depending on the terminal.
*/
const widthOf = (grapheme: string): number => {
	let width = widths.get(grapheme);
	if (width === undefined) {
		width = stringWidth(grapheme);
		if (width === 2 && [...grapheme].length > 1) {
			width = 0;
		}

		// Names from servers are many, but not endless; start over if so.
		if (widths.size > 10_000) {
			widths.clear();
		}

		widths.set(grapheme, width);
	}

	return width;
};

const printable = /^[\u0020-\u007E]*$/;
// A CSI sequence: parameters, intermediates, final byte.
const csi = /\u001B\[([\u0030-\u003F]*)([\u0020-\u002F]*)([\u0040-\u007E])/y;
// An OSC string, ended by BEL or ST, or any other escape and its next char.
const otherEscape = /\u001B(?:\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|.?)/y;

/** Undefined when the line holds an SGR sequence not understood. */
const parseRow = (text: string, startStyle: Style): Row | undefined => {
	const cells: Cell[] = [];
	let style = startStyle;
	let isOpaque = false;
	const addText = (part: string) => {
		if (printable.test(part)) {
			for (const character of part) {
				cells.push({text: character, width: 1, style});
			}

			return;
		}

		for (const {segment} of graphemes.segment(part)) {
			const width = widthOf(segment);
			if (width === 1 || width === 2) {
				cells.push({text: segment, width, style});
			} else {
				isOpaque = true;
			}
		}
	};

	let textStart = 0;
	let index = text.indexOf('\u001B');
	while (index >= 0) {
		addText(text.slice(textStart, index));
		csi.lastIndex = index;
		const sequence = csi.exec(text);
		if (sequence === null) {
			otherEscape.lastIndex = index;
			otherEscape.exec(text);
			textStart = otherEscape.lastIndex;
			isOpaque = true;
		} else {
			textStart = csi.lastIndex;
			if (sequence[3] === 'm' && sequence[2] === '') {
				const next = applySgr(style, sequence[1]!);
				if (next === undefined) {
					return undefined;
				}

				style = next;
			} else {
				isOpaque = true;
			}
		}

		index = text.indexOf('\u001B', textStart);
	}

	addText(text.slice(textStart));
	while (cells.at(-1)?.text === ' ' && cells.at(-1)?.style === plain) {
		cells.pop();
	}

	let width = 0;
	for (const cell of cells) {
		width += cell.width;
	}

	return {
		text,
		startStyle,
		endStyle: style,
		cells: isOpaque ? undefined : cells,
		width: isOpaque ? 0 : width,
	};
};

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

const isSameCell = (left: Cell | undefined, right: Cell): boolean =>
	left !== undefined &&
	left.text === right.text &&
	left.width === right.width &&
	left.style === right.style;

/** Runs of cells that differ from what the screen shows, as [start, end). */
const changedRuns = (
	before: readonly Cell[],
	beforeWidth: number,
	after: readonly Cell[],
	columns: readonly number[],
): Array<[number, number]> => {
	// The old cell starting at each column; none where a wide one goes on.
	const starts: Array<Cell | undefined> = [];
	for (const cell of before) {
		starts.push(cell);
		if (cell.width === 2) {
			starts.push(undefined);
		}
	}

	const runs: Array<[number, number]> = [];
	for (const [at, cell] of after.entries()) {
		const column = columns[at]!;
		// Past the old line's end the screen is erased: a plain space is there.
		const isShown =
			column < beforeWidth
				? isSameCell(starts[column], cell)
				: cell.text === ' ' && cell.style === plain;
		if (isShown) {
			continue;
		}

		const last = runs.at(-1);
		if (last?.[1] === at) {
			last[1] = at + 1;
		} else {
			runs.push([at, at + 1]);
		}
	}

	return runs;
};

/** The bytes that turn the row showing `before` into `after`. */
const diffRow = (
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
after: every write here ends with a reset.
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

	let output = '';
	const rowCount = Math.max(before.length, after.length);
	for (let at = 0; at < rowCount; at++) {
		const old = before[at];
		const row = after[at];
		if (row === undefined) {
			const isBlank = old?.cells !== undefined && old.width === 0;
			output += isBlank ? '' : moveTo(at, 0) + eraseToLineEnd;
		} else if (row !== old) {
			output += diffRow(at, old, row, columnCount);
		}
	}

	if (output === '') {
		return '';
	}

	// Back to where Ink believes the cursor is: the frame's last line.
	return (
		wrapOff + output + moveTo(Math.max(0, next.length - 1), 0) + wrapOn
	);
};
