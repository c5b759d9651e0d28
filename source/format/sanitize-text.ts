// Code points that must never reach the terminal as they are: controls (C0,
// DEL, C1), format characters (bidi overrides, zero-width joiners and spaces,
// byte order mark, tags), unassigned and private-use code points (their width
// is anyone's guess), line and paragraph separators, and lone surrogates.
// Also the Hangul fillers, letters meant to be drawn as nothing: string-width
// counts them as no column, Ink and terminals as one or two, which would
// push the rest of a row out of its columns. Combining marks are listed too,
// so that strings holding them take the slow path where a mark's neighbour
// is checked.
const suspect =
	/[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{M}\u115F\u1160\u3164\uFFA0]/u;
const escaped = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/u;
const surrogate = /\p{Cs}/u;
const mark = /\p{M}/u;

const hex = (value: number, digits: number): string =>
	value.toString(16).padStart(digits, '0');

/** `\x1b`, `\u202e` or `\u{e0041}`, the way JavaScript would write it. */
const escapeCodePoint = (codePoint: number): string => {
	if (codePoint <= 0xff) {
		return `\\x${hex(codePoint, 2)}`;
	}

	if (codePoint <= 0xff_ff) {
		return `\\u${hex(codePoint, 4)}`;
	}

	return `\\u{${hex(codePoint, 1)}}`;
};

/**
Makes an untrusted string (a user id, a sniffed address) safe to draw: every
code point that could move the cursor, reorder or hide text, or has no
predictable width is written visibly as an escape such as `\x1b`. Lone
surrogates become U+FFFD. A combining mark is kept when it follows a
character shown as is, and escaped when it leads, or follows an escape (it
would otherwise decorate the escape's last letter). Backslashes are not
doubled: the result is for reading, not for parsing back.
*/
export const sanitizeText = (text: string): string => {
	if (!suspect.test(text)) {
		return text;
	}

	let result = '';
	let hasBase = false;
	for (const character of text) {
		if (surrogate.test(character)) {
			result += '\uFFFD';
			hasBase = true;
		} else if (escaped.test(character)) {
			result += escapeCodePoint(character.codePointAt(0)!);
			hasBase = false;
		} else if (mark.test(character) && !hasBase) {
			result += escapeCodePoint(character.codePointAt(0)!);
		} else {
			result += character;
			hasBase = true;
		}
	}

	return result;
};
