// The control sequences the screen diff writes, and the cursor moves
// between the cells it rewrites.
const escape = '\u001B[';

export const eraseScreen = `${escape}2J`;
export const home = `${escape}H`;
export const eraseToLineEnd = `${escape}K`;
export const reset = `${escape}0m`;
// Auto-wrap off while drawing: a line laid out for a wider terminal (just
// before a resize) is cut at the edge instead of wrapping and scrolling.
export const wrapOff = `${escape}?7l`;
export const wrapOn = `${escape}?7h`;

/** The cursor to a cell, both counted from 0. */
export const moveTo = (row: number, column: number): string =>
	`${escape}${row + 1};${column + 1}H`;

/**
A move along a row from where the cursor stands, when it is known: forward
by a count is shorter than a row and column.
*/
export const moveAlong = (
	row: number,
	from: number | undefined,
	to: number,
): string => {
	const absolute = moveTo(row, to);
	if (from === undefined || to <= from) {
		return absolute;
	}

	const forward = `${escape}${to - from === 1 ? '' : to - from}C`;
	return forward.length < absolute.length ? forward : absolute;
};
