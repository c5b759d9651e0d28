const trueWords = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const falseWords = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
Reads a boolean the way Go's `strconv.ParseBool` does: only the twelve
spellings it accepts count, case variants such as `tRUE` do not.

@returns `undefined` when the text is none of them, where Go returns an error.
*/
export const parseBool = (text: string): boolean | undefined => {
	if (trueWords.has(text)) {
		return true;
	}

	if (falseWords.has(text)) {
		return false;
	}

	return undefined;
};
