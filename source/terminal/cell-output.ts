// A stand-in for Ink's Output class (ink/build/output.js), which turns the
// laid-out texts of a frame into the frame's lines. Ink's own splits every
// line of every frame into styled-character objects and joins them back,
// which is most of a frame's cost. This one places a line of plain text and
// colours whole when nothing else covers its cells, and goes down to cells
// only for the rows where texts overlap or run off the frame; it keeps the
// cells of each line it has seen, so such a line costs a lookup when it
// comes back. The frame it makes shows the same cells in the same styles.
import stringWidth from 'string-width';

import {boundedCache} from './bounded-cache.js';
import {changeStyle, plain, type Style} from './sgr-style.js';
import {simpleWidth} from './simple-width.js';
import {readStyledCells} from './styled-cells.js';

/** What a line of text puts in one cell; a wide one is followed by a gap. */
type Glyph = {
	readonly text: string;
	readonly width: number;
	readonly style: Style;
};

export type Clip = {
	readonly x1?: number;
	readonly x2?: number;
	readonly y1?: number;
	readonly y2?: number;
};

type Transformer = (line: string, index: number) => string;

type Operation =
	| {
			readonly type: 'write';
			readonly x: number;
			readonly y: number;
			readonly text: string;
			readonly transformers: readonly Transformer[];
	  }
	| {readonly type: 'clip'; readonly clip: Clip}
	| {readonly type: 'unclip'};

/**
A line placed whole: printable ASCII, SGR sequences and narrow marks, ending
in the plain style (see `spanText`).
*/
type Span = {readonly x: number; readonly width: number; readonly text: string};

/** A row being drawn: whole lines while they do not overlap, else cells. */
type RowDraft = {spans: Span[]; cells: Glyph[] | undefined};

const blank: Glyph = {text: ' ', width: 1, style: plain};

const reset = '\u001B[0m';

/**
A simple line as it is placed whole: what follows it on the row must not
inherit a style it leaves open.
*/
const spanText = (line: string): string =>
	line.includes('\u001B') ? line + reset : line;

// Frames repeat most of their lines; a screenful of new lines a second
// would still take minutes to fill this.
const cacheLimit = 4000;

/** Columns of a grapheme as Ink counts them: never less than one. */
const graphemeWidth = boundedCache(cacheLimit, grapheme =>
	Math.max(1, stringWidth(grapheme)),
);

/**
The cells a line of text fills, styled by its SGR sequences. Other escape
sequences are left out: the screen is drawn from cells, and hytop's own
texts never hold any (untrusted strings are escaped before they are shown).
An SGR sequence not understood leaves the style as it was.
*/
const parseLine = (line: string): readonly Glyph[] =>
	readStyledCells(line, plain, graphemeWidth).cells;

const glyphsOf = boundedCache(cacheLimit, parseLine);

/**
Cells as text, SGR only where the style changes, closed at the end. A cut
line is styled again by Ink's transformers, so it closes each attribute on
its own instead of resetting all.
*/
const glyphsText = (
	glyphs: readonly Glyph[],
	end: number,
	mayReset: boolean,
): string => {
	let text = '';
	let style = plain;
	for (let index = 0; index < end; index++) {
		const glyph = glyphs[index]!;
		if (glyph.style !== style) {
			text += changeStyle(style, glyph.style, mayReset);
			style = glyph.style;
		}

		text += glyph.text;
	}

	return text + changeStyle(style, plain, mayReset);
};

/** A row of the frame as text. */
const rowText = (row: readonly Glyph[]): string => {
	// Trailing plain spaces look like erased cells: Ink trims them too.
	let end = row.length;
	while (end > 0 && row[end - 1]!.text === ' ' && row[end - 1]!.style === plain) {
		end--;
	}

	return glyphsText(row, end, true);
};

/**
A row of lines placed whole, left to right, with plain spaces between.
Trailing plain spaces are left out, as in `rowText`.
*/
const spansText = (spans: readonly Span[]): string => {
	const ordered = spans.length > 1 ? [...spans].sort((a, b) => a.x - b.x) : spans;
	let text = '';
	let column = 0;
	for (const span of ordered) {
		if (span.x > column) {
			text += ' '.repeat(span.x - column);
		}

		text += span.text;
		column = span.x + span.width;
	}

	return text.trimEnd();
};

/**
The part of a styled line from column `from` up to `to`, as Ink's clipping
cuts it: a character is kept when it starts inside.
*/
const sliceColumns = (line: string, from: number, to: number): string => {
	const kept: Glyph[] = [];
	let column = 0;
	for (const glyph of glyphsOf(line)) {
		if (column >= to) {
			break;
		}

		if (column >= from) {
			kept.push(glyph);
		}

		column += glyph.width;
	}

	return glyphsText(kept, kept.length, false);
};

export default class CellOutput {
	readonly width: number;
	readonly height: number;
	private readonly operations: Operation[] = [];

	constructor({width, height}: {width: number; height: number}) {
		this.width = width;
		this.height = height;
	}

	write(
		x: number,
		y: number,
		text: string,
		{transformers}: {transformers: readonly Transformer[]},
	): void {
		if (text) {
			this.operations.push({type: 'write', x, y, text, transformers});
		}
	}

	clip(clip: Clip): void {
		this.operations.push({type: 'clip', clip});
	}

	unclip(): void {
		this.operations.push({type: 'unclip'});
	}

	get(): {output: string; height: number} {
		const rows: RowDraft[] = [];
		for (let y = 0; y < this.height; y++) {
			rows.push({spans: [], cells: undefined});
		}

		const clips: Clip[] = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') {
				clips.push(operation.clip);
			} else if (operation.type === 'unclip') {
				clips.pop();
			} else {
				this.place(rows, operation, clips.at(-1));
			}
		}

		const lines: string[] = [];
		for (const row of rows) {
			lines.push(row.cells === undefined ? spansText(row.spans) : rowText(row.cells));
		}

		return {output: lines.join('\n'), height: rows.length};
	}

	// Ink's rules, step by step: skip a text wholly outside the clip, cut
	// each line to the clip's columns and the lines to its rows, then style.
	private place(
		rows: RowDraft[],
		{x, y, text, transformers}: Extract<Operation, {type: 'write'}>,
		clip: Clip | undefined,
	): void {
		let lines = text.split('\n');
		let left = x;
		let top = y;
		const {x1, x2, y1, y2} = clip ?? {};
		const clipsColumns = x1 !== undefined && x2 !== undefined;
		const clipsRows = y1 !== undefined && y2 !== undefined;
		if (clipsColumns) {
			const widest = Math.max(...lines.map(line => stringWidth(line)));
			if (x + widest < x1 || x > x2) {
				return;
			}
		}

		if (clipsRows && (y + lines.length < y1 || y > y2)) {
			return;
		}

		if (clipsColumns) {
			lines = lines.map(line =>
				sliceColumns(line, Math.max(0, x1 - x), x2 - x),
			);
			left = Math.max(x, x1);
		}

		if (clipsRows) {
			lines = lines.slice(Math.max(0, y1 - y), y2 - y);
			top = Math.max(y, y1);
		}

		let rowIndex = top;
		for (let [index, line] of lines.entries()) {
			const row = rows[rowIndex];
			// As in Ink, a line off the frame keeps the next one off too.
			if (row === undefined) {
				continue;
			}

			for (const transformer of transformers) {
				line = transformer(line, index);
			}

			if (!this.placeWhole(row, left, line)) {
				this.placeCells(row, left, line);
			}

			rowIndex++;
		}
	}

	/**
	Places a simple line whole, if it fits in the frame and covers no cell
	another line did; false otherwise.
	*/
	private placeWhole(row: RowDraft, x: number, line: string): boolean {
		if (row.cells !== undefined || x < 0) {
			return false;
		}

		const width = simpleWidth(line);
		if (width < 0 || x + width > this.width) {
			return false;
		}

		// Nothing to show: as in cells, nothing placed.
		if (width === 0) {
			return true;
		}

		for (const span of row.spans) {
			if (x < span.x + span.width && span.x < x + width) {
				return false;
			}
		}

		row.spans.push({x, width, text: spanText(line)});
		return true;
	}

	private placeCells(row: RowDraft, x: number, line: string): void {
		if (row.cells === undefined) {
			// From here on the row is cells: the lines placed whole first.
			row.cells = Array.from<Glyph>({length: this.width}).fill(blank);
			for (const span of row.spans) {
				this.putGlyphs(row.cells, span.x, span.text);
			}
		}

		this.putGlyphs(row.cells, x, line);
	}

	private putGlyphs(cells: Glyph[], x: number, line: string): void {
		let column = x;
		for (const glyph of glyphsOf(line)) {
			if (column >= 0 && column + glyph.width <= this.width) {
				cells[column] = glyph;
				for (let gap = 1; gap < glyph.width; gap++) {
					cells[column + gap] = {text: '', width: 0, style: glyph.style};
				}
			}

			column += glyph.width;
		}
	}
}
