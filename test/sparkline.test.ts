import assert from 'node:assert/strict';
import {test} from 'node:test';

import {sparkline} from '../source/format/sparkline.js';

test('sparkline - rises with the samples, newest on the right', () => {
	assert.equal(sparkline([1, 2, 3, 4, 5, 6, 7, 8], 8), '▁▂▃▄▅▆▇█');
	assert.equal(sparkline([0, 0, 0], 3), '▁▁▁');
});

test('sparkline - short histories are padded on the left', () => {
	assert.equal(sparkline([5, 10], 4), '  ▄█');
	assert.equal(sparkline([], 3), '   ');
});

test('sparkline - with a sample count, a new sample changes only the newest character', () => {
	// 60 samples in 10 characters: 6 a character.
	const history = Array.from({length: 60}, (_, index) => (index % 7) + 1);
	const before = sparkline(history, 10, 121);
	const after = sparkline([...history.slice(1), 5], 10, 122);
	// 121 and 122 fall in one stretch: older characters stay as they were.
	assert.equal(after.slice(0, 9), before.slice(0, 9));
	assert.equal([...after].length, 10);
});
