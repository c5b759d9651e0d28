// Ink's standard renderer erases and rewrites its whole frame on every
// render. hytop owns the alternate screen, so each line's place is known:
// these functions turn a new frame into rewrites of only what changed.

const escape = '\u001B[';
const eraseScreen = `${escape}2J`;
const home = `${escape}H`;
const eraseToLineEnd = `${escape}K`;
// Auto-wrap off while drawing: a line laid out for a wider terminal (just
// before a resize) is cut at the edge instead of wrapping and scrolling.
const wrapOff = `${escape}?7l`;
const wrapOn = `${escape}?7h`;

const moveTo = (row: number, column: number): string =>
	`${escape}${row + 1};${column + 1}H`;

// What Ink writes before a frame: erase-lines (erase line, cursor up, ...,
// cursor to column 1) or a clear of the whole terminal. hytop redraws
// changed lines itself, so these are dropped.
const inkPrefix = /^(?:\u001B\[(?:2K|1A|G|2J|3J|H))*/;

// A write made only of control sequences: cursor visibility, synchronized
// output, erasing. Nothing in it is frame text.
const controlOnly =
	/^(?:\u001B\[[0-9;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007|\r)*$/;

// Mode switches such as cursor show/hide (?25) and synchronized output
// (?2026) leave the screen's content as it is.
const modeOnly = /^(?:\u001B\[\?[0-9;]*[hl])*$/;

export type InkWrite =
	| {readonly kind: 'frame'; readonly lines: readonly string[]}
	/** Passed through; `isHarmless` when it cannot change the screen. */
	| {readonly kind: 'control'; readonly isHarmless: boolean};

/** Tells a frame written by Ink from a bare control sequence. */
export const classifyInkWrite = (text: string): InkWrite => {
	if (controlOnly.test(text)) {
		return {kind: 'control', isHarmless: modeOnly.test(text)};
	}

	const frame = text.replace(inkPrefix, '');
	const lines = frame.split('\n');
	// A frame that does not fill the screen ends with a newline.
	if (lines.length > 1 && lines.at(-1) === '') {
		lines.pop();
	}

	return {kind: 'frame', lines};
};

// Text attributes opened by an SGR parameter, and the parameter that
// closes each one.
const closers: Readonly<Record<string, string>> = {
	'1': '22',
	'2': '22',
	'3': '23',
	'4': '24',
	'7': '27',
	'8': '28',
	'9': '29',
};

const attributeOf = (parameter: string): string | undefined => {
	const code = Number(parameter);
	if (closers[parameter] !== undefined) {
		return parameter;
	}

	if ((code >= 30 && code <= 38) || (code >= 90 && code <= 97)) {
		return 'fg';
	}

	if ((code >= 40 && code <= 48) || (code >= 100 && code <= 107)) {
		return 'bg';
	}

	return undefined;
};

/**
Where `next` may start being rewritten when `previous` was on screen: the
end of their longest common start at which no colour or attribute is open
and every character before is one column wide, as index and column.
*/
export const sharedStart = (
	previous: string,
	next: string,
): {readonly index: number; readonly column: number} => {
	const open = new Set<string>();
	let safe = {index: 0, column: 0};
	let column = 0;
	let index = 0;
	while (index < next.length && index < previous.length) {
		const code = next.charCodeAt(index);
		if (code === 0x1b && next[index + 1] === '[') {
			const end = next.slice(index + 2).search(/[\u0040-\u007E]/);
			if (end < 0) {
				break;
			}

			const sequenceEnd = index + 2 + end + 1;
			if (previous.slice(index, sequenceEnd) !== next.slice(index, sequenceEnd)) {
				break;
			}

			if (next[sequenceEnd - 1] !== 'm') {
				break;
			}

			let isKnown = true;
			const parameters = next.slice(index + 2, sequenceEnd - 1).split(';');
			// 38;5;n and 38;2;r;g;b carry their colour in the next numbers.
			for (let at = 0; at < parameters.length; at++) {
				const parameter = parameters[at] || '0';
				if (parameter === '0') {
					open.clear();
				} else if (parameter === '39') {
					open.delete('fg');
				} else if (parameter === '49') {
					open.delete('bg');
				} else if (Object.values(closers).includes(parameter)) {
					for (const [opener, closer] of Object.entries(closers)) {
						if (closer === parameter) {
							open.delete(opener);
						}
					}
				} else {
					const attribute = attributeOf(parameter);
					if (attribute === undefined) {
						isKnown = false;
						break;
					}

					open.add(attribute);
					if (parameter === '38' || parameter === '48') {
						at += parameters[at + 1] === '5' ? 2 : 4;
					}
				}
			}

			if (!isKnown) {
				break;
			}

			index = sequenceEnd;
		} else if (code >= 0x20 && code < 0x7f && code === previous.charCodeAt(index)) {
			index++;
			column++;
		} else {
			break;
		}

		if (open.size === 0) {
			safe = {index, column};
		}
	}

	return safe;
};

/**
The bytes that turn the screen showing `previous` into `next`, both lists
of lines from the top of the screen. Without `previous` (first frame, after
a resize or an unknown write) the screen is cleared and drawn whole.
*/
export const diffFrames = (
	previous: readonly string[] | undefined,
	next: readonly string[],
): string => {
	if (previous === undefined) {
		return wrapOff + eraseScreen + home + next.join('\r\n') + wrapOn;
	}

	let output = '';
	const rowCount = Math.max(previous.length, next.length);
	for (let row = 0; row < rowCount; row++) {
		const before = previous[row];
		const after = next[row] ?? '';
		if (before === after) {
			continue;
		}

		const start = sharedStart(before ?? '', after);
		// Erase first: a line that fills the last column leaves the cursor
		// waiting to wrap, where an erase would take that column away.
		output +=
			moveTo(row, start.column) + eraseToLineEnd + after.slice(start.index);
	}

	if (output === '') {
		return '';
	}

	// Back to where Ink believes the cursor is: the frame's last line.
	return (
		wrapOff + output + moveTo(Math.max(0, next.length - 1), 0) + wrapOn
	);
};
