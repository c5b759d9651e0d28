import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';

import {cleanup, render} from 'ink-testing-library';

import type {Column} from '../source/ui/table-layout.js';
import {TablePane} from '../source/ui/table-pane.js';

afterEach(() => {
	cleanup();
});

type Row = {readonly name: string; readonly bytes: number};

const columnsIn = (unit: string): Array<Column<Row>> => [
	{title: 'NAME', width: 8, align: 'left', priority: 0, cell: row => row.name},
	{
		title: 'BYTES',
		width: 10,
		align: 'right',
		priority: 0,
		cell: row => `${row.bytes} ${unit}`,
	},
];

const pane = (columns: Array<Column<Row>>, rows: Row[], selectedIndex: number) => (
	<TablePane
		title="Rows"
		columns={columns}
		rows={rows}
		selectedIndex={selectedIndex}
		isFocused
		width={30}
		height={3}
		emptyText="none"
	/>
);

test('table pane - the same rows are drawn anew when their columns or selection change', () => {
	const rows = [
		{name: 'alice', bytes: 5},
		{name: 'bob', bytes: 7},
	];
	const bytes = columnsIn('B');
	const view = render(pane(bytes, rows, 0));
	assert.match(view.lastFrame() ?? '', />alice\s+5 B\n bob\s+7 B/);

	view.rerender(pane(bytes, rows, 1));
	assert.match(view.lastFrame() ?? '', / alice\s+5 B\n>bob\s+7 B/);

	view.rerender(pane(columnsIn('KiB'), rows, 1));
	assert.match(view.lastFrame() ?? '', / alice\s+5 KiB\n>bob\s+7 KiB/);

	// A row replaced by a new one with other values is drawn with them.
	view.rerender(pane(columnsIn('KiB'), [rows[0]!, {name: 'bob', bytes: 9}], 1));
	assert.match(view.lastFrame() ?? '', />bob\s+9 KiB/);
});
