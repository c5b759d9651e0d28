import assert from 'node:assert/strict';
import {test} from 'node:test';

import {ApiError} from '../source/api/api-error.js';
import {parseTimestamp} from '../source/api/parse-timestamp.js';
import {
	parseOnline,
	parseStreams,
	parseTraffic,
} from '../source/api/validate.js';
import {seededRandom} from './helpers/seeded-random.js';

const streamEntry = (overrides: Record<string, unknown> = {}) => ({
	state: 'estab',
	auth: 'alice',
	connection: 3_735_928_559,
	stream: 8,
	req_addr: 'example.com:443',
	hooked_req_addr: '',
	tx: 1200,
	rx: 53_000,
	initial_at: '2024-05-01T12:00:00.123456789Z',
	last_active_at: '2024-05-01T12:00:05Z',
	...overrides,
});

/** The reason an invalid value is rejected with. */
const rejection = (parse: () => unknown): ApiError => {
	try {
		parse();
	} catch (error) {
		assert.ok(error instanceof ApiError, 'expected an ApiError');
		return error;
	}

	assert.fail('expected the value to be rejected');
};

test('parseTraffic - maps each user to its counters', () => {
	const traffic = parseTraffic(
		JSON.parse('{"alice":{"tx":10,"rx":20},"bob":{"tx":0,"rx":5}}'),
	);

	assert.deepEqual([...traffic.keys()], ['alice', 'bob']);
	assert.deepEqual(traffic.get('alice'), {tx: 10, rx: 20});
});

test('parseTraffic - null and {} are empty', () => {
	assert.equal(parseTraffic(null).size, 0);
	assert.equal(parseTraffic({}).size, 0);
});

test('parseTraffic - keeps __proto__ and constructor as ordinary ids', () => {
	const traffic = parseTraffic(
		JSON.parse(
			'{"__proto__":{"tx":1,"rx":2},"constructor":{"tx":3,"rx":4}}',
		),
	);

	assert.deepEqual(traffic.get('__proto__'), {tx: 1, rx: 2});
	assert.deepEqual(traffic.get('constructor'), {tx: 3, rx: 4});
});

test('parseTraffic - accepts uint64 counters past 2^53', () => {
	const traffic = parseTraffic(
		JSON.parse('{"a":{"tx":18446744073709551615,"rx":9007199254740993}}'),
	);

	assert.ok(Number.isFinite(traffic.get('a')?.tx));
	assert.equal(traffic.get('a')?.rx, 9_007_199_254_740_992);
});

test('parseTraffic - names the user and field of a non-number', () => {
	const error = rejection(() => parseTraffic({x: {tx: '1', rx: 2}}));

	assert.equal(error.kind, 'invalid-response');
	assert.equal(error.message, 'traffic: user "x": tx is not a number');
});

test('parseTraffic - rejects negative and missing counters', () => {
	assert.match(
		rejection(() => parseTraffic({x: {tx: -1, rx: 2}})).message,
		/tx is not a non-negative number/,
	);
	assert.match(
		rejection(() => parseTraffic({x: {tx: 1}})).message,
		/rx is missing/,
	);
});

test('parseTraffic - rejects a list or a bare counter', () => {
	assert.match(
		rejection(() => parseTraffic([])).message,
		/^traffic: expected an object, got an array$/,
	);
	assert.match(
		rejection(() => parseTraffic({x: 5})).message,
		/user "x": expected an object, got a number/,
	);
});

test('parseTraffic - cuts long ids and escapes control characters', () => {
	const id = `\u001B[2J${'x'.repeat(100)}`;
	const {message} = rejection(() => parseTraffic({[id]: null}));

	assert.ok(!message.includes('\u001B'));
	assert.ok(message.includes(`"\\u001b[2J${'x'.repeat(36)}…"`));
});

test('parseTraffic - reports errors for the traffic endpoint', () => {
	assert.equal(rejection(() => parseTraffic('{}')).endpoint, 'traffic');
	assert.equal(rejection(() => parseOnline(1)).endpoint, 'online');
});

test('parseOnline - maps each user to its device count', () => {
	const online = parseOnline(JSON.parse('{"alice":2,"__proto__":1}'));

	assert.equal(online.get('alice'), 2);
	assert.equal(online.get('__proto__'), 1);
});

test('parseOnline - null is empty, a string count is rejected', () => {
	assert.equal(parseOnline(null).size, 0);
	assert.equal(
		rejection(() => parseOnline({bob: '2'})).message,
		'online: user "bob": device count is not a number',
	);
});

test('parseStreams - maps wire names to the entry type', () => {
	const [entry] = parseStreams({streams: [streamEntry()]});

	assert.deepEqual(entry, {
		state: 'estab',
		auth: 'alice',
		connection: 3_735_928_559,
		stream: 8,
		reqAddr: 'example.com:443',
		hookedReqAddr: '',
		tx: 1200,
		rx: 53_000,
		initialAtMs: Date.UTC(2024, 4, 1, 12, 0, 0, 123),
		lastActiveAtMs: Date.UTC(2024, 4, 1, 12, 0, 5),
	});
});

test('parseStreams - null dump and null list are empty', () => {
	assert.deepEqual(parseStreams(null), []);
	assert.deepEqual(parseStreams({streams: null}), []);
});

test('parseStreams - unknown states become unknown', () => {
	const entries = parseStreams({
		streams: [
			streamEntry({state: 'teleport'}),
			streamEntry({state: 'hook'}),
		],
	});

	assert.equal(entries[0]?.state, 'unknown');
	assert.equal(entries[1]?.state, 'hook');
});

test('parseStreams - names the entry and user of a bad field', () => {
	const error = rejection(() =>
		parseStreams({streams: [streamEntry(), streamEntry({rx: null})]}),
	);

	assert.equal(error.endpoint, 'streams');
	assert.equal(
		error.message,
		'streams: entry 1 (user "alice"): rx is not a number',
	);
});

test('parseStreams - names what the list is when it is not one', () => {
	assert.match(
		rejection(() => parseStreams({streams: {}})).message,
		/"streams" is an object, not a list/,
	);
	assert.match(
		rejection(() => parseStreams({streams: 'all'})).message,
		/"streams" is a string, not a list/,
	);
});

test('parseStreams - rejects a missing list and a non-string address', () => {
	assert.match(
		rejection(() => parseStreams({})).message,
		/"streams" list is missing/,
	);
	assert.match(
		rejection(() => parseStreams({streams: [streamEntry({req_addr: 1})]}))
			.message,
		/req_addr is not a string/,
	);
});

test('parseStreams and parseTraffic - read only fields the objects own', () => {
	// An entry whose prototype holds its user, and counters whose prototype
	// holds rx: neither is theirs.
	const {auth, ...withoutAuth} = streamEntry();
	const inherited = Object.assign(Object.create({auth}) as object, withoutAuth);
	assert.match(
		rejection(() => parseStreams({streams: [inherited]})).message,
		/entry 0: auth is not a string/,
	);
	const counters = Object.assign(Object.create({rx: 5}) as object, {tx: 1});
	assert.match(
		rejection(() => parseTraffic({alice: counters})).message,
		/rx is missing/,
	);
});

test('parseStreams and parseTraffic - a field on Object.prototype is not read', () => {
	const {auth, ...withoutAuth} = streamEntry();
	const prototype = Object.prototype as Record<string, unknown>;
	prototype['auth'] = auth;
	prototype['rx'] = 5;
	try {
		assert.match(
			rejection(() => parseStreams({streams: [withoutAuth]})).message,
			/entry 0: auth is not a string/,
		);
		assert.match(
			rejection(() => parseTraffic(JSON.parse('{"alice":{"tx":1}}')))
				.message,
			/rx is missing/,
		);
	} finally {
		delete prototype['auth'];
		delete prototype['rx'];
	}
});

test('parseStreams - unparsable timestamps are undefined, not NaN', () => {
	const [entry] = parseStreams({
		streams: [streamEntry({initial_at: 'yesterday', last_active_at: 5})],
	});

	assert.equal(entry?.initialAtMs, undefined);
	assert.equal(entry?.lastActiveAtMs, undefined);
});

test('parseTimestamp - reads 0 to 9 fraction digits', () => {
	const base = Date.UTC(2024, 0, 2, 3, 4, 5);

	assert.equal(parseTimestamp('2024-01-02T03:04:05Z'), base);
	assert.deepEqual(
		['.1', '.12', '.123', '.1234', '.123456789'].map(fraction =>
			parseTimestamp(`2024-01-02T03:04:05${fraction}Z`),
		),
		[base + 100, base + 120, base + 123, base + 123, base + 123],
	);
});

test('parseTimestamp - applies the zone offset', () => {
	assert.equal(
		parseTimestamp('2024-01-02T12:00:00.5+09:00'),
		Date.UTC(2024, 0, 2, 3, 0, 0, 500),
	);
	assert.equal(
		parseTimestamp('2024-01-01T20:30:00-05:30'),
		Date.UTC(2024, 0, 2, 2, 0, 0),
	);
});

test('parseTimestamp - reads Go zero time and far-future years', () => {
	assert.equal(parseTimestamp('0001-01-01T00:00:00Z'), -62_135_596_800_000);
	assert.equal(
		parseTimestamp('9999-12-31T23:59:59.999999999Z'),
		Date.UTC(9999, 11, 31, 23, 59, 59, 999),
	);
});

test('parseTimestamp - leap days follow the Gregorian calendar', () => {
	assert.equal(parseTimestamp('2000-02-29T00:00:00Z'), Date.UTC(2000, 1, 29));
	assert.equal(parseTimestamp('1900-02-29T00:00:00Z'), undefined);
});

test('parseTimestamp - rejects malformed text', () => {
	const samples = [
		'',
		'2024-13-01T00:00:00Z',
		'2024-01-01T24:00:00Z',
		'2024-01-01T00:00:00',
		'2024-01-01T00:00:00.Z',
		'2024-01-01T00:00:00+0900',
	];

	assert.deepEqual(
		samples.map(sample => parseTimestamp(sample)),
		samples.map(() => undefined),
	);
});

test('parseTimestamp - absurd years stay finite', () => {
	const ms = parseTimestamp(`${'9'.repeat(400)}-01-01T00:00:00Z`);

	assert.equal(ms, undefined);
	assert.ok(Number.isFinite(parseTimestamp('275761-01-01T00:00:00Z')));
});

test('parseTimestamp - the usual layout reads as the general pattern does', () => {
	// A lower-case t is left to the pattern; an upper-case T takes the
	// quicker path. Both must agree on every variant, valid or not.
	const samples = [
		'2026-12-04T10:00:00.123456789+09:00',
		'2024-02-29T23:59:60.5-05:30',
		'2023-02-29T00:00:00Z',
		'0001-01-01T00:00:00Z',
	];
	const characters = '0123456789-:T.Z+ ';
	const {below} = seededRandom(7);

	let compared = 0;
	for (let round = 0; round < 20_000; round++) {
		const text = [...samples[below(samples.length)]!];
		const at = below(text.length);
		text[at] = characters[below(characters.length)]!;
		const sample = text.join('');
		if (sample[10] === 'T') {
			const general = `${sample.slice(0, 10)}t${sample.slice(11)}`;
			assert.equal(parseTimestamp(sample), parseTimestamp(general), sample);
			compared++;
		}
	}

	assert.ok(compared > 10_000);
});
