// Which cells of a line differ from what the screen already shows.
import {plain} from './sgr-style.js';
import type {Cell} from './styled-line.js';

const isSameCell = (left: Cell | undefined, right: Cell): boolean =>
	left !== undefined &&
	left.text === right.text &&
	left.width === right.width &&
	left.style === right.style;

/**
Runs of cells in `after` that differ from what the screen shows, as [start,
end) indexes into `after`. The screen shows `before`, `beforeWidth` columns
wide; `columns` holds the column each cell of `after` starts at.
*/
export const changedRuns = (
	before: readonly Cell[],
	beforeWidth: number,
	after: readonly Cell[],
	columns: readonly number[],
): Array<[number, number]> => {
	// The old cell starting at each column; none where a wide one goes on.
	// Indexed loops: this runs for every changed line of every frame.
	let starts: ReadonlyArray<Cell | undefined> = before;
	if (before.some(cell => cell.width === 2)) {
		const spread: Array<Cell | undefined> = [];
		for (const cell of before) {
			spread.push(cell);
			if (cell.width === 2) {
				spread.push(undefined);
			}
		}

		starts = spread;
	}

	const runs: Array<[number, number]> = [];
	let last: [number, number] | undefined;
	for (let at = 0; at < after.length; at++) {
		const cell = after[at]!;
		const column = columns[at]!;
		// Past the old line's end the screen is erased: a plain space is there.
		const isShown =
			column < beforeWidth
				? isSameCell(starts[column], cell)
				: cell.text === ' ' && cell.style === plain;
		if (isShown) {
			continue;
		}

		if (last?.[1] === at) {
			last[1] = at + 1;
		} else {
			last = [at, at + 1];
			runs.push(last);
		}
	}

	return runs;
};
