import assert from 'node:assert/strict';
import {test} from 'node:test';

import chalk from 'chalk';

import {paint, paintBold, paintDim} from '../source/ui/paint.js';

// chalk reads the terminal's colour support once, when first loaded, and
// paint asks it for codes once per style: here colours are on from the start.
chalk.level = 1;

test('paint - styles as chalk does', () => {
	for (const colour of ['green', 'gray', 'cyan'] as const) {
		for (const isInverse of [false, true]) {
			const expected = isInverse
				? chalk.inverse(chalk[colour]('a b'))
				: chalk[colour]('a b');
			assert.equal(paint('a b', colour, isInverse), expected);
		}
	}

	assert.equal(paint('a b', undefined, true), chalk.inverse('a b'));
	assert.equal(paint('a b', undefined, false), 'a b');
	assert.match(paint('a b', 'green', false), /\u001B\[32m/);
	assert.equal(paintBold('a b'), chalk.bold('a b'));
	assert.equal(paintDim('a b'), chalk.dim('a b'));
});
