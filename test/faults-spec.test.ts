import assert from 'node:assert/strict';
import {test} from 'node:test';

import {faultKinds, isFaultOn, parseFaultSpec} from '../source/demo/faults.js';

test('fault spec - reads kinds, endpoints and values', () => {
	assert.deepEqual(
		parseFaultSpec('hang:streams, html-500:online,slow:all:3000,huge:streams:2'),
		[
			{kind: 'hang', endpoint: 'streams'},
			{kind: 'html-500', endpoint: 'online'},
			{kind: 'slow', endpoint: 'all', delayMs: 3000},
			{kind: 'huge', endpoint: 'streams', sizeBytes: 2 * 1024 * 1024},
		],
	);
	assert.deepEqual(parseFaultSpec('restart:all:10000'), [
		{kind: 'restart', endpoint: 'all', everyMs: 10_000},
	]);
});

test('fault spec - a kind alone applies to every endpoint', () => {
	const [fault] = parseFaultSpec('reset');
	assert.deepEqual(fault, {kind: 'reset', endpoint: 'all'});
	assert.ok(isFaultOn(fault!, 'kick'));
});

test('fault spec - every kind is accepted on its own', () => {
	for (const kind of faultKinds) {
		assert.equal(parseFaultSpec(kind)[0]?.kind, kind);
	}

	assert.equal(faultKinds.length, 14);
});

test('fault spec - an unknown kind names the item and the known kinds', () => {
	assert.throws(
		() => parseFaultSpec('hang:streams,hangs:online'),
		/invalid fault "hangs:online": unknown kind "hangs"; known: hang, slow/,
	);
	assert.throws(() => parseFaultSpec(' , '), /expected kind\[:endpoint/);
});

test('fault spec - an endpoint a kind cannot hit is refused', () => {
	assert.throws(
		() => parseFaultSpec('hang:stream'),
		/invalid fault "hang:stream": hang applies to all, traffic, clear/,
	);
	assert.throws(
		() => parseFaultSpec('wrong-shape:kick'),
		/wrong-shape applies to all, traffic, clear, online, streams$/,
	);
});

test('fault spec - values must be positive integers, and only where taken', () => {
	assert.throws(
		() => parseFaultSpec('slow:all:fast'),
		/"slow:all:fast": the value must be a delay in milliseconds/,
	);
	assert.throws(() => parseFaultSpec('huge:streams:0'), /a size in MiB/);
	assert.throws(() => parseFaultSpec('hang:all:5'), /hang takes no value/);
	assert.throws(
		() => parseFaultSpec('slow:all:5:6'),
		/expected kind\[:endpoint\[:value\]\]/,
	);
});

test('fault matching - traffic covers clears, clear only clears', () => {
	assert.ok(isFaultOn({kind: 'hang', endpoint: 'traffic'}, 'clear'));
	assert.ok(!isFaultOn({kind: 'hang', endpoint: 'clear'}, 'traffic'));
});
