// Text as a terminal puts it on screen: the cells its graphemes fill, each
// in the SGR style the sequences before it leave. Ink's lines are read this
// way twice: by the frame builder (cell-output) and by the screen diff
// (styled-line).
import {applySgr, type Style} from './sgr-style.js';

/** What one terminal cell shows: a grapheme, its columns and style. */
export type StyledCell = {
	readonly text: string;
	readonly width: number;
	readonly style: Style;
};

/** The cells of a text, and what reading it ran into. */
export type StyledCells = {
	readonly cells: StyledCell[];
	/** The style in force after the text. */
	readonly endStyle: Style;
	/** Some SGR sequence was not understood; the style stayed as it was. */
	readonly hasUnknownSgr: boolean;
	/**
	Escapes other than SGR (cursor moves, OSC strings, a lone ESC) were left
	out, or some grapheme had no clear width (0 from `widthOf`) and was left
	out too: the cells are not all the text shows.
	*/
	readonly isOpaque: boolean;
};

const printableAscii = /^[\u0020-\u007E]*$/;
const graphemes = new Intl.Segmenter();
// A CSI sequence: parameters, intermediates, final byte.
const csi = /\u001B\[([\u0030-\u003F]*)([\u0020-\u002F]*)([\u0040-\u007E])/y;
// Any other escape: an OSC string up to BEL or ST, or ESC and one character.
const otherEscape = /\u001B(?:\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|.?)/y;

// Cells are compared and never changed, so one object per printable ASCII
// character and style serves every frame: a 200x50 screen is otherwise
// 10,000 new objects a second. Styles are one object each (see sgr-style),
// so they key the table.
const asciiCellsByStyle = new WeakMap<Style, StyledCell[]>();

const pushAsciiCells = (cells: StyledCell[], text: string, style: Style) => {
	let known = asciiCellsByStyle.get(style);
	if (known === undefined) {
		known = [];
		asciiCellsByStyle.set(style, known);
	}

	for (let at = 0; at < text.length; at++) {
		const code = text.charCodeAt(at);
		let cell = known[code];
		if (cell === undefined) {
			cell = {text: text.charAt(at), width: 1, style};
			known[code] = cell;
		}

		cells.push(cell);
	}
};

/**
Appends the cells of `part`, text without escapes; false when a grapheme
in it has no clear width. A module function, not a closure made per call:
such closures lose their optimised code at each full collection.
*/
const pushCells = (
	cells: StyledCell[],
	part: string,
	style: Style,
	widthOf: (grapheme: string) => number,
): boolean => {
	if (printableAscii.test(part)) {
		pushAsciiCells(cells, part, style);
		return true;
	}

	let isClear = true;
	for (const {segment} of graphemes.segment(part)) {
		const width = widthOf(segment);
		if (width > 0) {
			cells.push({text: segment, width, style});
		} else {
			isClear = false;
		}
	}

	return isClear;
};

/**
Reads `text`, drawn from `startStyle`, into cells; `widthOf` gives the
columns of a grapheme beyond printable ASCII.
*/
export const readStyledCells = (
	text: string,
	startStyle: Style,
	widthOf: (grapheme: string) => number,
): StyledCells => {
	const cells: StyledCell[] = [];
	let style = startStyle;
	let hasUnknownSgr = false;
	let isOpaque = false;
	let textStart = 0;
	let index = text.indexOf('\u001B');
	while (index >= 0) {
		if (!pushCells(cells, text.slice(textStart, index), style, widthOf)) {
			isOpaque = true;
		}

		csi.lastIndex = index;
		const sequence = csi.exec(text);
		if (sequence === null) {
			otherEscape.lastIndex = index;
			otherEscape.exec(text);
			textStart = otherEscape.lastIndex;
			isOpaque = true;
		} else if (sequence[3] === 'm' && sequence[2] === '') {
			textStart = csi.lastIndex;
			const next = applySgr(style, sequence[1]!);
			if (next === undefined) {
				hasUnknownSgr = true;
			} else {
				style = next;
			}
		} else {
			textStart = csi.lastIndex;
			isOpaque = true;
		}

		index = text.indexOf('\u001B', textStart);
	}

	if (!pushCells(cells, text.slice(textStart), style, widthOf)) {
		isOpaque = true;
	}

	return {cells, endStyle: style, hasUnknownSgr, isOpaque};
};
