import {Box, Text} from 'ink';
import {memo, useMemo} from 'react';

import {fitText} from '../format/fit-text.js';
import {type Colour, paint} from './paint.js';
import {
	type Column,
	headerLine,
	layoutColumns,
	type PlacedColumn,
	rowSegments,
	windowStart,
} from './table-layout.js';

export type TablePaneProps<Row extends object> = {
	readonly title: string;
	readonly columns: ReadonlyArray<Column<Row>>;
	/** All rows, in display order; only the visible ones are drawn. */
	readonly rows: readonly Row[];
	/** Rows in all, when `rows` holds only the first of them. */
	readonly totalCount?: number;
	readonly selectedIndex: number;
	readonly isFocused: boolean;
	readonly width: number;
	/** Lines for the rows, not counting the title and header lines. */
	readonly height: number;
	/** Shown instead of rows when there are none. */
	readonly emptyText: string;
	/** Colour of a whole row (dims offline users, say). */
	readonly rowColor?: (row: Row) => Colour | undefined;
	readonly sort?: {readonly key: string; readonly isDescending: boolean};
	/** Said after the title, such as the filter in force. */
	readonly note?: string;
};

const gutterWidth = 1;

/** A row's line as last drawn, and what it was drawn with. */
type DrawnLine = {
	readonly columns: object;
	readonly isSelected: boolean;
	readonly colour: Colour | undefined;
	readonly line: string;
};

// Rows are never changed, only replaced, so a row drawn again with the same
// columns and selection gets the line it had. Between two stream dumps,
// seconds apart on a large server, the streams pane draws the same rows
// every second.
const drawnLines = new WeakMap<object, DrawnLine>();

/**
A row as one line of styled text: the gutter, then its segments, all
inverted when selected.
*/
const rowLine = <Row extends object>(
	row: Row,
	columns: ReadonlyArray<PlacedColumn<Row>>,
	isSelected: boolean,
	colour: Colour | undefined,
): string => {
	const drawn = drawnLines.get(row);
	if (
		drawn?.columns === columns &&
		drawn.isSelected === isSelected &&
		drawn.colour === colour
	) {
		return drawn.line;
	}

	let line = paint(isSelected ? '>' : ' ', colour, isSelected);
	for (const segment of rowSegments(row, columns)) {
		line += paint(segment.text, segment.color ?? colour, isSelected);
	}

	drawnLines.set(row, {columns, isSelected, colour, line});
	return line;
};

const TablePaneView = <Row extends object>({
	title,
	columns,
	rows,
	totalCount = rows.length,
	selectedIndex,
	isFocused,
	width,
	height,
	emptyText,
	rowColor,
	sort,
	note,
}: TablePaneProps<Row>) => {
	// A one-column gutter marks the selected row without colour, so it
	// shows under NO_COLOR and on monochrome terminals too.
	const placed = useMemo(
		() => layoutColumns(columns, width - gutterWidth),
		[columns, width],
	);
	const header = useMemo(() => ' ' + headerLine(placed, sort), [placed, sort]);
	const start = windowStart(rows.length, selectedIndex, height);
	const visible = rows.slice(start, start + height);
	const position =
		totalCount > height
			? ` ${start + 1}-${start + visible.length} of ${totalCount}`
			: ` ${totalCount}`;
	// The rows as one text of lines: a single node for Ink to lay out and
	// draw, however many rows and colours there are.
	const lines: string[] = [];
	for (const [index, row] of visible.entries()) {
		const isSelected = isFocused && start + index === selectedIndex;
		lines.push(rowLine(row, placed, isSelected, rowColor?.(row)));
	}

	const marker = isFocused ? '▸ ' : '  ';
	const titleText = fitText(
		`${marker}${title}${position}${note ? `  ${note}` : ''}`,
		width,
	);

	return (
		<Box flexDirection="column" width={width} height={height + 2}>
			<Text bold color={isFocused ? 'cyan' : undefined} wrap="truncate">
				{titleText}
			</Text>
			<Text dimColor wrap="truncate">
				{header}
			</Text>
			{visible.length === 0 ? (
				<Text dimColor wrap="truncate">
					{fitText(emptyText, width)}
				</Text>
			) : (
				<Text>{lines.join('\n')}</Text>
			)}
		</Box>
	);
};

export const TablePane = memo(TablePaneView) as typeof TablePaneView;
