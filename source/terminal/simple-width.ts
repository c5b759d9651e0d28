// The width of the texts most frames are made of, counted without
// string-width, which strips escapes with a pattern and then splits the
// text into graphemes: a table row that changed since the last frame is
// mostly printable ASCII with a few colours and marks.

const escape = 0x1b;
const openBracket = 0x5b;
const letterM = 0x6d;

/**
Columns of a character beyond ASCII whose width string-width gives alone,
whatever follows it, or 0 for any other. One column: Latin letters with
accents, block elements (sparklines, bars), the ellipsis of a cut text, the
middle dot between header fields, the sort and focus marks and arrows. Two:
CJK ideographs, kana and Hangul syllables, common in user names. Combining
marks, variation selectors and joiners are not among them: a character that
would change the width of the one before it sends the text to string-width.
*/
const markWidth = (code: number): number => {
	if (
		(code >= 0xc0 && code <= 0x1_7f) ||
		(code >= 0x25_81 && code <= 0x25_8f) ||
		code === 0x20_26 ||
		code === 0xb7 ||
		code === 0x25_b2 ||
		code === 0x25_b8 ||
		code === 0x25_bc ||
		code === 0x21_91 ||
		code === 0x21_93
	) {
		return 1;
	}

	if (
		(code >= 0x4e_00 && code <= 0x9f_ff) ||
		(code >= 0x30_41 && code <= 0x30_96) ||
		(code >= 0x30_a1 && code <= 0x30_fa) ||
		(code >= 0xac_00 && code <= 0xd7_a3)
	) {
		return 2;
	}

	return 0;
};

// Emoji beyond the BMP that are drawn as pictures on their own, two columns
// wide: user ids carry them. Regional indicators (pairs make flags) and
// skin tone modifiers (they join the emoji before them) are left out; so is
// anything after an emoji that could change it, a joiner or a variation
// selector, since no such character is known here.
const firstEmoji = 0x1_f0_00;
const lastEmoji = 0x1_fa_ff;
const emojiPresentation = /^\p{Emoji_Presentation}$/u;
// Per code point from firstEmoji: 0 not asked yet, 1 no, 2 yes.
const emojiWidths = new Uint8Array(lastEmoji - firstEmoji + 1);

const isLoneWideEmoji = (codePoint: number): boolean => {
	if (
		codePoint < firstEmoji ||
		codePoint > lastEmoji ||
		(codePoint >= 0x1_f1_e6 && codePoint <= 0x1_f1_ff) ||
		(codePoint >= 0x1_f3_fb && codePoint <= 0x1_f3_ff)
	) {
		return false;
	}

	const slot = codePoint - firstEmoji;
	if (emojiWidths[slot] === 0) {
		emojiWidths[slot] = emojiPresentation.test(String.fromCodePoint(codePoint))
			? 2
			: 1;
	}

	return emojiWidths[slot] === 2;
};

/** The code point of the surrogate pair at `at`, or -1 if there is none. */
const pairAt = (text: string, at: number): number => {
	const high = text.charCodeAt(at);
	const low = text.charCodeAt(at + 1);
	return high >= 0xd8_00 && high <= 0xdb_ff && low >= 0xdc_00 && low <= 0xdf_ff
		? (high - 0xd8_00) * 0x4_00 + (low - 0xdc_00) + 0x1_00_00
		: -1;
};

const isSgrParameter = (code: number): boolean =>
	(code >= 0x30 && code <= 0x39) || code === 0x3b;

/** Where the SGR sequence starting at `at` ends, or -1 if there is none. */
const sgrEnd = (text: string, at: number): number => {
	if (
		text.charCodeAt(at) !== escape ||
		text.charCodeAt(at + 1) !== openBracket
	) {
		return -1;
	}

	let end = at + 2;
	while (isSgrParameter(text.charCodeAt(end))) {
		end++;
	}

	return text.charCodeAt(end) === letterM ? end + 1 : -1;
};

/**
Columns of a text made only of printable ASCII, SGR sequences, the
characters `markWidth` knows and lone emoji, as string-width counts them;
-1 for any other text.
*/
export const simpleWidth = (text: string): number => {
	let width = 0;
	let at = 0;
	while (at < text.length) {
		const code = text.charCodeAt(at);
		if (code >= 0x20 && code <= 0x7e) {
			width++;
			at++;
			continue;
		}

		const columns = markWidth(code);
		if (columns > 0) {
			width += columns;
			at++;
			continue;
		}

		if (isLoneWideEmoji(pairAt(text, at))) {
			width += 2;
			at += 2;
			continue;
		}

		at = sgrEnd(text, at);
		if (at < 0) {
			return -1;
		}
	}

	return width;
};
