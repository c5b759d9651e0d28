import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {sanitizeText} from '../source/format/sanitize-text.js';

test('sanitizeText - leaves plain text as it is', () => {
	assert.equal(sanitizeText('alice 42'), 'alice 42');
	assert.equal(sanitizeText(''), '');
});

test('sanitizeText - keeps CJK, accents and emoji', () => {
	const text = '用户 café 🎉 ❤️ 1️⃣ 👍🏽';
	assert.equal(sanitizeText(text), text);
	assert.equal(sanitizeText('e\u0301'), 'e\u0301');
});

test('sanitizeText - escapes ESC, CR, LF, TAB and NUL', () => {
	assert.equal(sanitizeText('\x1b[2Jx'), '\\x1b[2Jx');
	assert.equal(sanitizeText('a\r\n\tb\0'), 'a\\x0d\\x0a\\x09b\\x00');
});

test('sanitizeText - escapes DEL and C1 controls', () => {
	assert.equal(sanitizeText('a\x7f'), 'a\\x7f');
	assert.equal(sanitizeText('\x9b31m\x85'), '\\x9b31m\\x85');
});

test('sanitizeText - escapes bidi controls', () => {
	assert.equal(sanitizeText('abc\u202Etxt.exe'), 'abc\\u202etxt.exe');
	assert.equal(
		sanitizeText('\u2066\u2069\u200E\u200F\u061C\u202A'),
		'\\u2066\\u2069\\u200e\\u200f\\u061c\\u202a',
	);
});

test('sanitizeText - escapes zero-width characters', () => {
	assert.equal(
		sanitizeText('a\u200Bb\u200Cc\u200Dd'),
		'a\\u200bb\\u200cc\\u200dd',
	);
	assert.equal(sanitizeText('\uFEFFx\u2060'), '\\ufeffx\\u2060');
});

test('sanitizeText - escapes separators, private use and unassigned', () => {
	assert.equal(sanitizeText('a\u2028b\u2029'), 'a\\u2028b\\u2029');
	assert.equal(sanitizeText('\uE000\u{10FFFF}'), '\\ue000\\u{10ffff}');
});

test('sanitizeText - escapes tag characters beyond the BMP', () => {
	assert.equal(sanitizeText('x\u{E0041}'), 'x\\u{e0041}');
	assert.equal(sanitizeText('\u{E007F}'), '\\u{e007f}');
});

test('sanitizeText - replaces lone surrogates', () => {
	assert.equal(sanitizeText('a\uD800b'), 'a\uFFFDb');
	assert.equal(sanitizeText('\uDC00'), '\uFFFD');
});

test('sanitizeText - escapes a leading combining mark', () => {
	assert.equal(sanitizeText('\u0301abc'), '\\u0301abc');
	assert.equal(sanitizeText('\x1b\u0301'), '\\x1b\\u0301');
});

test('sanitizeText - keeps stacked marks on one base', () => {
	assert.equal(sanitizeText('a\u0301\u0302'), 'a\u0301\u0302');
	assert.equal(sanitizeText(' \u0301'), ' \u0301');
});

test('sanitizeText - output has no control characters and honest width', () => {
	let text = '';
	for (let codePoint = 0; codePoint < 0xa0; codePoint++) {
		text += String.fromCodePoint(codePoint);
	}

	const safe = sanitizeText(text);
	assert.doesNotMatch(safe, /[\p{Cc}\p{Cf}]/u);
	assert.equal(stringWidth(safe), safe.length);
});

test('sanitizeText - escapes Hangul fillers, which have no agreed width', () => {
	assert.equal(sanitizeText('a\u3164b\u115F'), 'a\\u3164b\\u115f');
	assert.equal(sanitizeText('\uFFA0\u1160'), '\\uffa0\\u1160');
});
