import assert from 'node:assert/strict';
import {test} from 'node:test';
import v8 from 'node:v8';
import vm from 'node:vm';

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

test('bounded cache - a line cut from a long text does not keep the text alive', () => {
	v8.setFlagsFromString('--expose-gc');
	const collect = vm.runInNewContext('gc') as () => void;
	const widthOf = boundedCache(1000, text => text.length);
	const textBytes = 20_000;
	const count = 200;
	collect();
	const before = process.memoryUsage().heapUsed;
	for (let index = 0; index < count; index++) {
		// A screenful of lines, different every time; one line is kept.
		const text = Array.from({length: 100}, (_, line) =>
			`${index} ${line} `.padEnd(textBytes / 100, 'x'),
		).join('\n');
		widthOf(text.split('\n')[7]!);
	}

	collect();
	const keptBytes = process.memoryUsage().heapUsed - before;
	// The lines alone are 200 bytes each; the texts would be 20 kB each.
	assert.ok(
		keptBytes < (count * textBytes) / 10,
		`${Math.round(keptBytes / count)} bytes kept for each line`,
	);
});
