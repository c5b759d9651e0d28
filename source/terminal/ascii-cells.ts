// The cells of printable ASCII text. Cells are compared and never changed,
// so one object per character and style serves every frame: a 200x50
// screen is otherwise 10,000 new objects a second.
import type {Style} from './sgr-style.js';

/** A printable ASCII character drawn in one style: one column. */
export type AsciiCell = {
	readonly text: string;
	readonly width: 1;
	readonly style: Style;
};

// Styles are one object each (see sgr-style), so they key the table.
const cellsByStyle = new WeakMap<Style, AsciiCell[]>();

/** Appends a cell for each character of `text`, printable ASCII only. */
export const pushAsciiCells = (
	cells: {push(cell: AsciiCell): unknown},
	text: string,
	style: Style,
): void => {
	let known = cellsByStyle.get(style);
	if (known === undefined) {
		known = [];
		cellsByStyle.set(style, known);
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
