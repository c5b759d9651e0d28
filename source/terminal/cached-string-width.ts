// Ink measures every text of every frame with string-width, which splits any
// text beyond ASCII into graphemes and tests each against emoji patterns: a
// few milliseconds a frame for names, sparklines and titles that come back
// frame after frame. The bundle (and the benchmark's module hook) give Ink
// this one instead, which remembers those widths.
import stringWidth from 'string-width';

import {boundedCache} from './bounded-cache.js';

type Options = Parameters<typeof stringWidth>[1];

const printableAscii = /^[\u0020-\u007E]*$/;
// Texts on screen at once, and some.
const measured = boundedCache(4000, text => stringWidth(text));

export default function cachedStringWidth(text: string, options?: Options) {
	if (options !== undefined || typeof text !== 'string') {
		return stringWidth(text, options);
	}

	// string-width's own first answer, and too many texts to keep.
	if (printableAscii.test(text)) {
		return text.length;
	}

	return measured(text);
}
