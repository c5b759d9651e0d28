// Colours for text built as one string, such as a table's rows, styled the
// way Ink's <Text> styles its children: with the same chalk, so NO_COLOR,
// FORCE_COLOR and a terminal without colours are obeyed alike.
import chalk, {type ForegroundColorName} from 'chalk';

export type Colour = ForegroundColorName;

/** `text` in `colour` (none when undefined), inverted when `isInverse`. */
export const paint = (
	text: string,
	colour: Colour | undefined,
	isInverse: boolean,
): string => {
	const coloured = colour === undefined ? text : chalk[colour](text);
	return isInverse ? chalk.inverse(coloured) : coloured;
};
