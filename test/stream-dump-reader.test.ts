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
