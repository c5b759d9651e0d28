// Ink's lines as the cells they put on screen: each grapheme with its
// columns and the SGR style it is drawn in.
import stringWidth from 'string-width';

import {boundedCache} from './bounded-cache.js';
import {plain, type Style} from './sgr-style.js';
import {readStyledCells, type StyledCell} from './styled-cells.js';

/** What one terminal cell shows: a grapheme, its 1 or 2 columns, style. */
export type Cell = StyledCell;

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

/**
A line drawn from `startStyle`; undefined when it holds an SGR sequence not
understood.
*/
export const parseRow = (text: string, startStyle: Style): Row | undefined => {
	const read = readStyledCells(text, startStyle, widthOf);
	if (read.hasUnknownSgr) {
		return undefined;
	}

	const {cells, endStyle, isOpaque} = read;
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
		endStyle,
		cells: isOpaque ? undefined : cells,
		width: isOpaque ? 0 : width,
	};
};
