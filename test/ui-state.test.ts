import assert from 'node:assert/strict';
import {test} from 'node:test';

import {
	initialUiState,
	moveSelection,
	uiReducer,
} from '../source/ui/ui-state.js';

const keys = ['a', 'b', 'c', 'd'];

test('selection - moves by rows and stops at the ends', () => {
	assert.equal(moveSelection(keys, 'b', {by: 1}), 'c');
	assert.equal(moveSelection(keys, 'c', {by: 10}), 'd');
	assert.equal(moveSelection(keys, 'b', {by: -10}), 'a');
});

test('selection - an unknown key counts as the first row', () => {
	assert.equal(moveSelection(keys, 'gone', {by: 1}), 'b');
	assert.equal(moveSelection(keys, undefined, {to: 'last'}), 'd');
});

test('selection - follows the key, not the position, when rows re-sort', () => {
	const resorted = ['d', 'c', 'b', 'a'];
	assert.equal(moveSelection(resorted, 'b', {by: 1}), 'a');
	assert.equal(moveSelection([], 'b', {by: 1}), undefined);
});

test('ui state - focus alternates between the two panes', () => {
	const once = uiReducer(initialUiState, {type: 'focus-next'});
	assert.equal(once.focus, 'streams');
	assert.equal(uiReducer(once, {type: 'focus-next'}).focus, 'users');
});
