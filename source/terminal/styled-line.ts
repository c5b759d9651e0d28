// Ink's lines as the cells they put on screen: each grapheme with its
// columns and the SGR style it is drawn in.
import stringWidth from 'string-width';

import {pushAsciiCells} from './ascii-cells.js';
import {boundedCache} from './bounded-cache.js';
import {applySgr, plain, type Style} from './sgr-style.js';

/** What one terminal cell shows: a grapheme, its columns and style. */
export type Cell = {
	readonly text: string;
	readonly width: 1 | 2;
	readonly style: Style;
};

/** One line of a frame as Ink wrote it, and what it puts on screen. */
export type Row = {
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

/**
Columns a grapheme takes, or 0 when the terminal may disagree: a wide
grapheme of several code points (an emoji sequence) is drawn one, two or
more columns wide depending on the terminal. Names from servers are many,
but not endless: the cache starts over past 10,000.
*/
const widthOf = boundedCache(10_000, grapheme => {
	const width = stringWidth(grapheme);
	return width === 2 && [...grapheme].length > 1 ? 0 : width;
});

const printable = /^[\u0020-\u007E]*$/;
// A CSI sequence: parameters, intermediates, final byte.
const csi = /\u001B\[([\u0030-\u003F]*)([\u0020-\u002F]*)([\u0040-\u007E])/y;
// An OSC string, ended by BEL or ST, or any other escape and its next char.
const otherEscape = /\u001B(?:\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|.?)/y;

/**
Appends the cells of `part`, text without escapes drawn in `style`; false
when some grapheme in it has no clear width. Kept out of parseRow: a
closure made per call loses its optimised code at each full collection.
*/
const addText = (cells: Cell[], part: string, style: Style): boolean => {
	if (printable.test(part)) {
		pushAsciiCells(cells, part, style);
		return true;
	}

	let isClear = true;
	for (const {segment} of graphemes.segment(part)) {
		const width = widthOf(segment);
		if (width === 1 || width === 2) {
			cells.push({text: segment, width, style});
		} else {
			isClear = false;
		}
	}

	return isClear;
};

/**
A line drawn from `startStyle`; undefined when it holds an SGR sequence not
understood.
*/
export const parseRow = (text: string, startStyle: Style): Row | undefined => {
	const cells: Cell[] = [];
	let style = startStyle;
	let isOpaque = false;
	let textStart = 0;
	let index = text.indexOf('\u001B');
	while (index >= 0) {
		if (!addText(cells, text.slice(textStart, index), style)) {
			isOpaque = true;
		}

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

	if (!addText(cells, text.slice(textStart), style)) {
		isOpaque = true;
	}

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
