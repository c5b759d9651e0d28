import assert from 'node:assert/strict';
import {test} from 'node:test';

import {nthSmallest} from '../source/model/nth-smallest.js';
import {seededRandom} from './helpers/seeded-random.js';

test('nthSmallest - is the number a sort puts at that rank', () => {
	const random = seededRandom(17);
	for (let round = 0; round < 300; round++) {
		const length = 1 + random.below(60);
		// Few distinct values, so that ties are common, and infinities.
		const numbers = Float64Array.from({length}, () =>
			random.pick([-Infinity, -3, 0, 0, 1, 2.5, 7, 7, Infinity]),
		);
		const sorted = [...numbers].sort((a, b) => a - b);
		const scratch = new Float64Array(length + random.below(5));
		for (let rank = 0; rank < length; rank++) {
			assert.equal(
				nthSmallest(scratch, numbers, rank),
				sorted[rank],
				`rank ${rank} of ${numbers.join(', ')}`,
			);
		}
	}
});

test('nthSmallest - leaves the numbers as they were', () => {
	const numbers = Float64Array.from([5, 1, 4, 1, 3]);
	assert.equal(nthSmallest(new Float64Array(5), numbers, 2), 3);
	assert.deepEqual([...numbers], [5, 1, 4, 1, 3]);
});
