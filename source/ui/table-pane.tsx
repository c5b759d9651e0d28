import {Box, Text} from 'ink';
import {memo} from 'react';

import {fitText} from '../format/fit-text.js';
import {
	type Column,
	headerLine,
	layoutColumns,
	rowSegments,
	type Segment,
	windowStart,
} from './table-layout.js';

export type TablePaneProps<Row> = {
	readonly title: string;
	readonly columns: ReadonlyArray<Column<Row>>;
	/** All rows, in display order; only the visible ones are drawn. */
	readonly rows: readonly Row[];
	/** Rows in all, when `rows` holds only the first of them. */
	readonly totalCount?: number;
	readonly rowKey: (row: Row) => string;
	readonly selectedIndex: number;
	readonly isFocused: boolean;
	readonly width: number;
	/** Lines for the rows, not counting the title and header lines. */
	readonly height: number;
	/** Shown instead of rows when there are none. */
	readonly emptyText: string;
	/** Colour of a whole row (dims offline users, say). */
	readonly rowColor?: (row: Row) => string | undefined;
	readonly sort?: {readonly key: string; readonly isDescending: boolean};
	/** Said after the title, such as the filter in force. */
	readonly note?: string;
};

const gutterWidth = 1;

/**
A row's segments as text nodes. A loop here, not a callback made in each
render: such callbacks are optimised anew after every full collection.
*/
const segmentTexts = (
	segments: readonly Segment[],
	isSelected: boolean,
	rowColour: string | undefined,
) => {
	const texts = [];
	for (const [index, segment] of segments.entries()) {
		texts.push(
			// Segments are positional: cells never move between them.
			<Text
				key={index}
				inverse={isSelected}
				color={segment.color ?? rowColour}
				wrap="truncate"
			>
				{segment.text}
			</Text>,
		);
	}

	return texts;
};

const TablePaneView = <Row,>({
	title,
	columns,
	rows,
	totalCount = rows.length,
	rowKey,
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
	const placed = layoutColumns(columns, width - gutterWidth);
	const start = windowStart(rows.length, selectedIndex, height);
	const visible = rows.slice(start, start + height);
	const position =
		totalCount > height
			? ` ${start + 1}-${start + visible.length} of ${totalCount}`
			: ` ${totalCount}`;
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
				{' ' + headerLine(placed, sort)}
			</Text>
			{visible.length === 0 ? (
				<Text dimColor wrap="truncate">
					{fitText(emptyText, width)}
				</Text>
			) : (
				visible.map((row, index) => {
					const isSelected = isFocused && start + index === selectedIndex;
					const rowColour = rowColor?.(row);
					// One text node per segment, not one per row: see rowSegments.
					return (
						<Box key={rowKey(row)} height={1}>
							<Text inverse={isSelected} color={rowColour}>
								{isSelected ? '>' : ' '}
							</Text>
							{segmentTexts(rowSegments(row, placed), isSelected, rowColour)}
						</Box>
					);
				})
			)}
		</Box>
	);
};

export const TablePane = memo(TablePaneView) as typeof TablePaneView;
