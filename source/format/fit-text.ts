import stringWidth from 'string-width';

const ellipsis = '…';
const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Whether every character is printable ASCII: one column each. */
const isPrintableAscii = (text: string): boolean => {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || code > 0x7e) {
			return false;
		}
	}

	return true;
};

// Runs of spaces by length, made once: a frame pads some 400 cells.
const spaceRuns: string[] = [];
const longestKeptRun = 1024;

const spaces = (count: number): string => {
	if (count > longestKeptRun) {
		return ' '.repeat(count);
	}

	let run = spaceRuns[count];
	if (run === undefined) {
		run = ' '.repeat(count);
		spaceRuns[count] = run;
	}

	return run;
};

const pad = (
	text: string,
	padding: number,
	align: 'left' | 'right',
): string => {
	if (padding <= 0) {
		return text;
	}

	return align === 'left' ? text + spaces(padding) : spaces(padding) + text;
};

// string-width segments every string it gets again; ASCII needs none of it.
const graphemeWidth = (segment: string): number => {
	const code = segment.charCodeAt(0);
	return segment.length === 1 && code >= 0x20 && code <= 0x7e
		? 1
		: stringWidth(segment);
};

/** The longest prefix of whole graphemes at most `maxWidth` columns wide. */
const cutToWidth = (
	text: string,
	maxWidth: number,
): {readonly text: string; readonly width: number} => {
	let width = 0;
	let end = 0;
	for (const {segment, index} of graphemes.segment(text)) {
		const segmentWidth = graphemeWidth(segment);
		if (width + segmentWidth > maxWidth) {
			break;
		}

		width += segmentWidth;
		end = index + segment.length;
	}

	return {text: text.slice(0, end), width};
};

/**
Fits text into exactly `width` terminal columns: padded with spaces when
shorter, cut with `…` when longer. A wide character or a grapheme is never
split; when one does not fit, a space fills its place. Expects text already
passed through `sanitizeText`, as control characters have no honest width.
*/
export const fitText = (
	text: string,
	width: number,
	align: 'left' | 'right' = 'left',
): string => {
	const columns = Number.isFinite(width) ? Math.max(0, Math.floor(width)) : 0;
	if (columns === 0) {
		return '';
	}

	// Most cells are plain ASCII: one column per character.
	if (isPrintableAscii(text)) {
		if (text.length <= columns) {
			return pad(text, columns - text.length, align);
		}

		return text.slice(0, columns - 1) + ellipsis;
	}

	const textWidth = stringWidth(text);
	if (textWidth <= columns) {
		return pad(text, columns - textWidth, align);
	}

	const cut = cutToWidth(text, columns - 1);
	return pad(cut.text + ellipsis, columns - 1 - cut.width, align);
};
