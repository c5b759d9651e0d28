import stringWidth from 'string-width';

const ellipsis = '…';
const printableAscii = /^[\x20-\x7e]*$/;
const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

const pad = (
	text: string,
	padding: number,
	align: 'left' | 'right',
): string => {
	if (padding <= 0) {
		return text;
	}

	const spaces = ' '.repeat(padding);
	return align === 'left' ? text + spaces : spaces + text;
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
	if (printableAscii.test(text)) {
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
