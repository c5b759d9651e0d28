// Ink measures every text of every frame with string-width, which splits any
// text beyond ASCII into graphemes and tests each against emoji patterns: a
// few milliseconds a frame for names, sparklines and titles that come back
// frame after frame. The bundle (and the benchmark's module hook) give Ink
// this one instead, which remembers those widths, and counts texts of plain
// ASCII and colours (most of a frame) itself.
import stringWidth from 'string-width';

import {boundedCache} from './bounded-cache.js';
import {simpleWidth} from './simple-width.js';

type Options = Parameters<typeof stringWidth>[1];

// Texts on screen at once, and some.
const measured = boundedCache(4000, text => stringWidth(text));

export default function cachedStringWidth(text: string, options?: Options) {
	if (options !== undefined || typeof text !== 'string') {
		return stringWidth(text, options);
	}

	// Too many such texts to keep, and quick to count.
	const width = simpleWidth(text);
	return width >= 0 ? width : measured(text);
}
