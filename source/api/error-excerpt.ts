const maxExcerptLength = 80;

// Control and format characters (bidi, zero-width) from the server must
// never reach the terminal, nor combining marks left with nothing to mark.
const controlCharacters = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;
const loneMarks = /(^|\s)\p{M}+/gu;

/**
A one-line, short, printable excerpt of a server's error body. Mask secrets
in `body` before calling: cutting and tidying could otherwise leave a secret
in a form the mask misses.
*/
export const excerpt = (body: string): string => {
	const text = body
		.replace(/<[^>]*>/g, ' ')
		.replace(controlCharacters, ' ')
		.replace(/\s+/g, ' ')
		.replace(loneMarks, '$1')
		.trim();
	const codePoints = Array.from(text);

	return codePoints.length > maxExcerptLength
		? `${codePoints.slice(0, maxExcerptLength).join('')}…`
		: text;
};
