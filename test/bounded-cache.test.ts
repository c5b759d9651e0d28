import assert from 'node:assert/strict';
import {test} from 'node:test';

import {boundedCache} from '../source/terminal/bounded-cache.js';

test('bounded cache - computes a text once while it is held', () => {
	const computed: string[] = [];
	const lengthOf = boundedCache(3, text => {
		computed.push(text);
		return text.length;
	});
	assert.deepEqual([lengthOf('ab'), lengthOf('abc'), lengthOf('ab')], [2, 3, 2]);
	assert.deepEqual(computed, ['ab', 'abc']);
});

test('bounded cache - starts over past its limit instead of growing', () => {
	const computed: string[] = [];
	const upper = boundedCache(2, text => {
		computed.push(text);
		return text.toUpperCase();
	});
	for (const text of ['a', 'b', 'c', 'a']) {
		upper(text);
	}

	// 'c' did not fit beside 'a' and 'b': all were let go, so 'a' is new again.
	assert.deepEqual(computed, ['a', 'b', 'c', 'a']);
});
