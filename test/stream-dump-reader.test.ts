import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {test} from 'node:test';

import {ApiError} from '../source/api/api-error.js';
import {createStreamDumpReader} from '../source/api/stream-dump-reader.js';
import {parseStreams} from '../source/api/validate.js';

const entry = (auth: string, stream: number, reqAddr = 'example.com:443') => ({
	state: 'estab',
	auth,
	connection: 7,
	stream,
	req_addr: reqAddr,
	hooked_req_addr: '',
	tx: 10 * stream,
	rx: 20 * stream,
	initial_at: '2026-12-04T10:00:00.123456789+09:00',
	last_active_at: '2026-12-04T10:00:01Z',
});

/** Reads `body` handed over in pieces of `size` bytes. */
const read = (body: string, size: number) => {
	const bytes = Buffer.from(body, 'utf8');
	const reader = createStreamDumpReader();
	for (let at = 0; at < bytes.length; at += size) {
		reader.push(bytes.subarray(at, at + size));
	}

	return reader.end();
};

test('stream dump reader - reads what JSON.parse reads, however the body is cut', () => {
	// Quotes, braces, brackets and commas inside strings; multi-byte text.
	const body = `${JSON.stringify({
		streams: [
			entry('al"ice', 4, 'a,b}c]:443'),
			entry('田中 {[', 8),
			entry('🦊\\', 12, '{"x":[1,2]}'),
			// What usually ends one entry and starts the next, inside a string.
			entry('eve},{"auth":"mallory', 16, '},{'),
			entry('frank', 20),
		],
	})}\n`;
	const expected = parseStreams(JSON.parse(body));
	for (let size = 1; size <= body.length; size++) {
		assert.deepEqual(read(body, size), expected, `pieces of ${size} bytes`);
	}

	assert.equal(expected.length, 5);
});

test('stream dump reader - other shapes are read whole, as before', () => {
	assert.deepEqual(read('null', 2), []);
	assert.deepEqual(read('{"streams":null}', 3), []);
	assert.deepEqual(read(' { "streams" : [ ] } ', 1), []);
	const later = JSON.stringify({version: 2, streams: [entry('bob', 4)]});
	assert.deepEqual(read(later, 5), parseStreams(JSON.parse(later)));
});

test('stream dump reader - keys after the list are allowed when they are JSON', () => {
	const body = `{"streams":[${JSON.stringify(entry('bob', 4))}],"more":{"a":[1]}}`;
	assert.equal(read(body, 7).length, 1);
	assert.throws(() => read(`{"streams":[]} x`, 4), SyntaxError);
});

test('stream dump reader - a body cut short or out of shape is not JSON', () => {
	const one = JSON.stringify(entry('bob', 4));
	for (const body of [
		`{"streams":[${one},${one}`,
		`{"streams":[${one},]}`,
		`{"streams":[,${one}]}`,
		`{"streams":[${one},,${one}]}`,
		`{"streams":[${one}}]}`,
		`{"streams":[${one} ${one}]}`,
	]) {
		assert.throws(() => read(body, 16), SyntaxError, body);
	}
});

test('stream dump reader - an entry of the wrong shape is named by its place', () => {
	const body = JSON.stringify({
		streams: [entry('bob', 4), entry('carol', 8), {...entry('dave', 12), tx: -1}],
	});
	const expected = (() => {
		try {
			parseStreams(JSON.parse(body));
		} catch (error) {
			return error;
		}
	})();
	assert.ok(expected instanceof ApiError);
	assert.throws(() => read(body, 10), {message: expected.message});
});

const parsedWhole = (body: string) => parseStreams(JSON.parse(body));

test('stream dump reader - bodies of other shapes read whole agree with JSON.parse', () => {
	const one = entry('bob', 4);
	for (const body of [
		JSON.stringify({note: 'x'.repeat(300), streams: [one]}),
		`${' '.repeat(300)}${JSON.stringify({streams: [one]})}`,
		`{"str\\u0065ams":[${JSON.stringify(one)}],"pad":"${'y'.repeat(300)}"}`,
	]) {
		assert.deepEqual(read(body, 64), parsedWhole(body));
		assert.deepEqual(read(body, 100_000), parsedWhole(body));
	}
});

test('stream dump reader - a later "streams" key wins, as in JSON.parse', () => {
	const a = JSON.stringify(entry('alice', 4));
	const b = JSON.stringify(entry('bob', 8));
	assert.deepEqual(
		read(`{"streams":[${a}],"streams":[${b}]}`, 9),
		parsedWhole(`{"streams":[${b}]}`),
	);
	assert.deepEqual(read(`{"streams":[${a},${b}],"streams":null}`, 9), []);
	assert.throws(() => read(`{"streams":[${a}],"streams":5}`, 9), ApiError);
});

test('stream dump reader - only JSON whitespace is allowed around the list', () => {
	for (const body of ['\u000B{"streams":[]}', '{"streams":[]}\u00A0', '{"streams":[]}\u2028']) {
		assert.throws(() => read(body, 4), SyntaxError, JSON.stringify(body));
	}
});

test('stream dump reader - huge strings, pretty printing and long tails read in one pass', () => {
	const pretty = JSON.stringify(
		{streams: Array.from({length: 3000}, (_, index) => entry(`u${index}`, index))},
		undefined,
		2,
	);
	const backslashes = JSON.stringify({streams: [entry('\\'.repeat(3_000_000), 4)]});
	const longTail = `{"streams":[${JSON.stringify(entry('bob', 4))}],"x":"${'},{'.repeat(400_000)}"}`;
	for (const body of [pretty, backslashes, longTail]) {
		// Small pieces: a scan that went back over the text for every piece
		// would take minutes here; the exact one takes well under a second.
		assert.deepEqual(read(body, 4096), parsedWhole(body));
	}
});

test('stream dump reader - a list of only non-JSON space is not JSON', () => {
	assert.throws(() => read('{"streams":[\u00A0]}', 3), SyntaxError);
});
