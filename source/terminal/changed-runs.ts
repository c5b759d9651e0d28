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
	const starts: Array<Cell | undefined> = [];
	for (const cell of before) {
		starts.push(cell);
		if (cell.width === 2) {
			starts.push(undefined);
		}
	}

	const runs: Array<[number, number]> = [];
	for (const [at, cell] of after.entries()) {
		const column = columns[at]!;
		// Past the old line's end the screen is erased: a plain space is there.
		const isShown =
			column < beforeWidth
				? isSameCell(starts[column], cell)
				: cell.text === ' ' && cell.style === plain;
		if (isShown) {
			continue;
		}

		const last = runs.at(-1);
		if (last?.[1] === at) {
			last[1] = at + 1;
		} else {
			runs.push([at, at + 1]);
		}
	}

	return runs;
};
