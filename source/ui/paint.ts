// Colours for text built as one string, such as a table's rows or the
// header's lines, styled the way Ink's <Text> styles its children: with the
// same chalk, so NO_COLOR, FORCE_COLOR and a terminal without colours are
// obeyed alike.
import chalk, {type ForegroundColorName} from 'chalk';

export type Colour = ForegroundColorName;

type Codes = {readonly open: string; readonly close: string};

/**
What chalk puts around a text for a style, asked once: chalk makes a new
styling function at every use, a few hundred times a frame here. Texts
painted here hold no escapes, so nothing inside needs closing again.
*/
const codesOf = (style: (text: string) => string): Codes => {
	const [open = '', close = ''] = style('\0').split('\0');
	return {open, close};
};

const colourCodes = new Map<Colour, Codes>();
let inverseCodes: Codes | undefined;
let boldCodes: Codes | undefined;
let dimCodes: Codes | undefined;

/** `text` in bold. */
export const paintBold = (text: string): string => {
	boldCodes ??= codesOf(chalk.bold);
	return boldCodes.open + text + boldCodes.close;
};

/** `text` dimmed. */
export const paintDim = (text: string): string => {
	dimCodes ??= codesOf(chalk.dim);
	return dimCodes.open + text + dimCodes.close;
};

/** `text` in `colour` (none when undefined), inverted when `isInverse`. */
export const paint = (
	text: string,
	colour: Colour | undefined,
	isInverse: boolean,
): string => {
	let painted = text;
	if (colour !== undefined) {
		let codes = colourCodes.get(colour);
		if (codes === undefined) {
			codes = codesOf(chalk[colour]);
			colourCodes.set(colour, codes);
		}

		painted = codes.open + painted + codes.close;
	}

	if (isInverse) {
		inverseCodes ??= codesOf(chalk.inverse);
		painted = inverseCodes.open + painted + inverseCodes.close;
	}

	return painted;
};
