import {fitText} from '../format/fit-text.js';
import type {Colour} from './paint.js';

/** One column of a pane's table. Cells are plain, already sanitised text. */
export type Column<Row> = {
	readonly title: string;
	/** Columns of width; flexible columns start from this and grow. */
	readonly width: number;
	readonly align: 'left' | 'right';
	/** Lower numbers survive longer when the terminal narrows. */
	readonly priority: number;
	/** Share of the leftover width this column takes. */
	readonly grow?: number;
	readonly cell: (row: Row) => string;
	/** The sort key this column shows, when rows can be sorted by it. */
	readonly sortKey?: string;
	/** Colour of the cell, when it has one. */
	readonly color?: (row: Row) => Colour | undefined;
};

export type PlacedColumn<Row> = Column<Row> & {readonly placedWidth: number};

const gap = 1;

/**
The columns that fit in `totalWidth`, in their original order, with the
leftover width shared among the growing ones.
*/
export const layoutColumns = <Row>(
	columns: ReadonlyArray<Column<Row>>,
	totalWidth: number,
): ReadonlyArray<PlacedColumn<Row>> => {
	const byPriority = [...columns].sort((a, b) => a.priority - b.priority);
	const kept = new Set<Column<Row>>();
	let used = 0;
	for (const column of byPriority) {
		const cost = column.width + (kept.size > 0 ? gap : 0);
		if (used + cost > totalWidth) {
			continue;
		}

		kept.add(column);
		used += cost;
	}

	const placed = columns.filter(column => kept.has(column));
	const growTotal = placed.reduce((sum, c) => sum + (c.grow ?? 0), 0);
	let leftover = totalWidth - used;
	return placed.map(column => {
		if (!column.grow || growTotal === 0) {
			return {...column, placedWidth: column.width};
		}

		const extra = Math.floor(((totalWidth - used) * column.grow) / growTotal);
		const given = Math.min(extra, leftover);
		leftover -= given;
		return {...column, placedWidth: column.width + given};
	});
};

/** A run of text in a row, with its colour when it has one. */
export type Segment = {readonly text: string; readonly color?: Colour};

// Runs always carry a colour field, undefined for none: one shape of
// object, which keeps the reads below quick.
type Run = {text: string; color: Colour | undefined};

/** Adds `text` to the last run when it has the same colour (or none). */
const appendRun = (runs: Run[], text: string, color: Colour | undefined) => {
	const last = runs[runs.length - 1];
	if (last !== undefined && last.color === color) {
		last.text += text;
	} else {
		runs.push({text, color});
	}
};

/**
A row's cells, fitted to their widths, with neighbours of one colour (or
none) merged into one segment.
*/
export const rowSegments = <Row>(
	row: Row,
	columns: ReadonlyArray<PlacedColumn<Row>>,
): Segment[] => {
	const runs: Run[] = [];
	for (let index = 0; index < columns.length; index++) {
		const column = columns[index]!;
		if (index > 0) {
			appendRun(runs, ' ', undefined);
		}

		appendRun(
			runs,
			fitText(column.cell(row), column.placedWidth, column.align),
			column.color?.(row),
		);
	}

	return runs;
};

/** The header line of a table, the sorted column marked with ▼ or ▲. */
export const headerLine = <Row>(
	columns: ReadonlyArray<PlacedColumn<Row>>,
	sort?: {readonly key: string; readonly isDescending: boolean},
): string =>
	columns
		.map(column => {
			const isSorted = sort !== undefined && column.sortKey === sort.key;
			const arrow = sort?.isDescending ? '▼' : '▲';
			const title = isSorted
				? column.align === 'right'
					? `${arrow}${column.title}`
					: `${column.title}${arrow}`
				: column.title;
			return fitText(title, column.placedWidth, column.align);
		})
		.join(' ');

/**
The first row to draw so that the selected row is visible, keeping it near
the middle of the window as htop does when scrolling long lists.
*/
export const windowStart = (
	rowCount: number,
	selected: number,
	height: number,
): number => {
	if (rowCount <= height) {
		return 0;
	}

	const centred = selected - Math.floor(height / 2);
	return Math.min(Math.max(0, centred), rowCount - height);
};
