// JSON text as Go's encoding/json writes it.

const plainJsonText = /^[\x20\x21\x23-\x25\x27-\x3B\x3D\x3F-\x5B\x5D-\x7E]*$/;
const goEscapes = /[<>&\u2028\u2029]/g;

/**
A JSON string literal as Go writes it: like JSON.stringify, plus `<`, `>`,
`&`, U+2028 and U+2029 escaped as `\u003c` and so on.
*/
export const encodeGoString = (text: string): string => {
	if (plainJsonText.test(text)) {
		return `"${text}"`;
	}

	return JSON.stringify(text).replace(
		goEscapes,
		character =>
			'\\u' + character.charCodeAt(0).toString(16).padStart(4, '0'),
	);
};

/** A JSON object from keys and values already encoded, in the given order. */
export const encodeObject = (
	members: ReadonlyArray<readonly [string, string]>,
): string =>
	'{' +
	members.map(([key, value]) => `${encodeGoString(key)}:${value}`).join(',') +
	'}';
