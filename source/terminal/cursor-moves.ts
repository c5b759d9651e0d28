// The shortest way to bring the cursor to a cell. Most of a second's
// changes are short runs of digits a few columns apart: the moves between
// them are a good part of all the bytes written.
const escape = '\u001B[';

/** Where the cursor stands, counted from 0; a column may be unknown. */
export type Cursor = {
	readonly row: number;
	readonly column: number | undefined;
};

const count = (value: number): string => (value === 1 ? '' : String(value));

/** The cursor to a cell from anywhere: CUP, both counted from 0. */
const moveTo = (row: number, column: number): string => {
	const place =
		column === 0 ? count(row + 1) : `${row + 1};${column + 1}`;
	return `${escape}${place}H`;
};

const shortest = (candidates: readonly string[]): string => {
	let best = candidates[0]!;
	for (const candidate of candidates) {
		if (candidate.length < best.length) {
			best = candidate;
		}
	}

	return best;
};

/**
Along the current row, from column `from`; when that is unknown, to a
column by its number or from the first column.
*/
const moveAlong = (from: number | undefined, to: number): string => {
	if (from === to) {
		return '';
	}

	const candidates = [`${escape}${to + 1}G`];
	if (to === 0) {
		candidates.push('\r');
	} else {
		// From the first column, without knowing where the cursor is.
		candidates.push(`\r${escape}${count(to)}C`);
	}

	if (from !== undefined) {
		candidates.push(
			to > from
				? `${escape}${count(to - from)}C`
				: `${escape}${count(from - to)}D`,
		);
	}

	return shortest(candidates);
};

/**
The bytes that take the cursor from `from` (undefined: unknown) to `row`
and `column`. Relative moves never scroll: a line feed is used only to go
down one row, to a row the screen has, and a carriage return before it
makes its column the same whether or not the terminal adds one.
*/
export const moveCursor = (
	from: Cursor | undefined,
	row: number,
	column: number,
): string => {
	const absolute = moveTo(row, column);
	if (from === undefined) {
		return absolute;
	}

	if (from.row === row) {
		return shortest([absolute, moveAlong(from.column, column)]);
	}

	const rows = row - from.row;
	const candidates = [
		absolute,
		(rows > 0
			? `${escape}${count(rows)}B`
			: `${escape}${count(-rows)}A`) + moveAlong(from.column, column),
	];
	if (rows === 1) {
		candidates.push(`\r\n${moveAlong(0, column)}`);
	}

	return shortest(candidates);
};
