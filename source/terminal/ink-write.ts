// Ink writes whole frames and bare control sequences to the same stream;
// the screen diff needs to tell them apart.

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
