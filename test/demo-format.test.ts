import assert from 'node:assert/strict';
import {test} from 'node:test';

import {formatGoDuration} from '../source/demo/go-duration.js';
import {parseBool} from '../source/demo/parse-bool.js';
import {
	createTimestampFormatter,
	encodeGoString,
} from '../source/demo/stats-server.js';
import {compareCodePoints} from '../source/demo/code-point-order.js';
import type {StoreStream} from '../source/demo/stats-store.js';
import {
	formatStreamsTableLine,
	streamsTableHeader,
} from '../source/demo/streams-table.js';

const withTimeZone = (zone: string, run: () => void): void => {
	const saved = process.env['TZ'];
	process.env['TZ'] = zone;
	try {
		run();
	} finally {
		if (saved === undefined) {
			delete process.env['TZ'];
		} else {
			process.env['TZ'] = saved;
		}
	}
};

const stream = (overrides: Partial<StoreStream> = {}): StoreStream => ({
	state: 'estab',
	auth: 'alice',
	connection: 0xab_cd,
	stream: 4,
	reqAddr: 'www.example.com:443',
	hookedReqAddr: '',
	tx: 1234,
	rx: 56_789,
	initialAtMs: 1_000_000,
	lastActiveAtMs: 1_000_000,
	isOpen: true,
	...overrides,
});

test('parse bool - accepts exactly the spellings of Go', () => {
	for (const text of ['1', 't', 'T', 'TRUE', 'true', 'True']) {
		assert.equal(parseBool(text), true, text);
	}

	for (const text of ['0', 'f', 'F', 'FALSE', 'false', 'False']) {
		assert.equal(parseBool(text), false, text);
	}
});

test('parse bool - leaves other texts unparsed', () => {
	for (const text of ['', 'yes', 'tRUE', 'on', ' true', '2']) {
		assert.equal(parseBool(text), undefined, JSON.stringify(text));
	}
});

test('go duration - writes Go notation after rounding to ms', () => {
	assert.equal(formatGoDuration(3005), '3.005s');
	assert.equal(formatGoDuration(62_500), '1m2.5s');
	assert.equal(formatGoDuration(500), '500ms');
	assert.equal(formatGoDuration(1.5), '2ms');
	assert.equal(formatGoDuration(0.4), '0s');
	assert.equal(formatGoDuration(0), '0s');
});

test('go duration - rounds to seconds from ten minutes on', () => {
	assert.equal(formatGoDuration(599_999.6), '10m0s');
	assert.equal(formatGoDuration(600_400), '10m0s');
	assert.equal(formatGoDuration(2 * 3_600_000 + 499), '2h0m0s');
	assert.equal(formatGoDuration(3_723_500), '1h2m4s');
});

test('go duration - keeps the sign of negative durations', () => {
	assert.equal(formatGoDuration(-1500), '-1.5s');
	assert.equal(formatGoDuration(-250), '-250ms');
});

test('streams table - header has the widths of the real server', () => {
	assert.equal(
		streamsTableHeader,
		'State    Auth           Connection   Stream     TX-Bytes' +
			'     RX-Bytes     Lifetime  Last-Active Req-Addr        ' +
			' Hooked-Req-Addr',
	);
});

test('streams table - pads each column to its width', () => {
	const line = formatStreamsTableLine(
		stream({lastActiveAtMs: 1_002_000}),
		1_003_005,
	);
	assert.equal(
		line,
		'ESTAB    alice            0000ABCD        4         1234' +
			'        56789       3.005s       1.005s www.example.com:443 -',
	);
});

test('streams table - counts code points and shows empty addresses as -', () => {
	const line = formatStreamsTableLine(
		stream({auth: '🦊 fox', reqAddr: '', hookedReqAddr: 'a:1'}),
		1_000_000,
	);
	assert.ok(line.startsWith('ESTAB    🦊 fox        '), line);
	assert.ok(line.endsWith(' -                a:1'), line);
});

test('go string - escapes HTML characters as Go does', () => {
	assert.equal(encodeGoString('R&D <lab>'), '"R\\u0026D \\u003clab\\u003e"');
	assert.equal(encodeGoString('a\u2028b'), '"a\\u2028b"');
});

test('go string - keeps plain and non-ASCII text, escapes controls', () => {
	assert.equal(encodeGoString('李明 🦊'), '"李明 🦊"');
	assert.equal(encodeGoString('a"b\\\u001B'), '"a\\"b\\\\\\u001b"');
});

test('timestamp - drops trailing zeros of the fraction, Z in UTC', () => {
	withTimeZone('UTC', () => {
		const format = createTimestampFormatter();
		const ms = Date.UTC(2024, 0, 2, 3, 4, 5);
		// Binary fractions, so that the double holds them exactly.
		assert.equal(format(ms + 0.125), '2024-01-02T03:04:05.000125Z');
		assert.equal(format(ms + 500), '2024-01-02T03:04:05.5Z');
		assert.equal(format(ms), '2024-01-02T03:04:05Z');
	});
});

test('timestamp - uses the local zone offset', () => {
	withTimeZone('Asia/Tokyo', () => {
		const format = createTimestampFormatter();
		const ms = Date.UTC(2024, 0, 2, 23, 4, 5, 250);
		assert.equal(format(ms), '2024-01-03T08:04:05.25+09:00');
	});
});

test('code point order - sorts as UTF-8 bytes do', () => {
	const ids = ['\uFF21', '🦊', 'b', 'a', 'ab'];
	assert.deepEqual(ids.sort(compareCodePoints), [
		'a',
		'ab',
		'b',
		'\uFF21',
		'🦊',
	]);
});
