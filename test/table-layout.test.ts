import assert from 'node:assert/strict';
import {test} from 'node:test';

import stringWidth from 'string-width';

import {
	type Column,
	headerLine,
	layoutColumns,
	rowSegments,
	windowStart,
} from '../source/ui/table-layout.js';

type Row = {name: string; rate: string};

const columns: Array<Column<Row>> = [
	{title: 'NAME', width: 6, align: 'left', priority: 0, grow: 1, cell: r => r.name},
	{title: 'RATE', width: 8, align: 'right', priority: 1, cell: r => r.rate},
	{title: 'EXTRA', width: 10, align: 'left', priority: 2, cell: () => 'x'},
];

test('table layout - drops the least important columns first', () => {
	const placed = layoutColumns(columns, 20);
	assert.deepEqual(placed.map(c => c.title), ['NAME', 'RATE']);
});

test('table layout - growing columns take the leftover width exactly', () => {
	const placed = layoutColumns(columns, 40);
	const used = placed.reduce((sum, c) => sum + c.placedWidth, 0) + 2;
	assert.equal(used, 40);
	assert.equal(stringWidth(headerLine(placed)), 40);
});

test('table layout - a row is as wide as its header, whatever its text', () => {
	const placed = layoutColumns(columns, 30);
	const row = {name: '世界🌍 a very long name', rate: '1.0 MiB/s'};
	const text = rowSegments(row, placed).map(s => s.text).join('');
	assert.equal(stringWidth(text), 30);
	assert.match(text, /…/);
});

test('table layout - the window keeps the selected row visible', () => {
	assert.equal(windowStart(5, 4, 10), 0);
	assert.equal(windowStart(100, 50, 10), 45);
	assert.equal(windowStart(100, 99, 10), 90);
});
