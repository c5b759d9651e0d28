import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {formatBytes, formatRate} from '../source/format/format-bytes.js';
import {formatDuration} from '../source/format/format-duration.js';
import {fitText} from '../source/format/fit-text.js';

const kib = 1024;
const mib = kib * 1024;
const gib = mib * 1024;

test('formatBytes - shows whole bytes below one KiB', () => {
	assert.equal(formatBytes(0), '0 B');
	assert.equal(formatBytes(1023), '1023 B');
});

test('formatBytes - one decimal for KiB and MiB', () => {
	assert.equal(formatBytes(kib), '1.0 KiB');
	assert.equal(formatBytes(12.34 * mib), '12.3 MiB');
});

test('formatBytes - two decimals for small GiB values', () => {
	assert.equal(formatBytes(1.234 * gib), '1.23 GiB');
	assert.equal(formatBytes(123.4 * gib), '123 GiB');
});

test('formatBytes - moves up a unit when rounding reaches it', () => {
	assert.equal(formatBytes(1023.7), '1.0 KiB');
	assert.equal(formatBytes(mib - 1), '1.0 MiB');
});

test('formatBytes - drops a decimal when rounding adds a digit', () => {
	assert.equal(formatBytes(99.96 * kib), '100 KiB');
	assert.equal(formatBytes(9.996 * gib), '10.0 GiB');
});

test('formatBytes - uint64 counters stay within 8 characters', () => {
	assert.equal(formatBytes(2 ** 64), '16.0 EiB');
	assert.equal(formatBytes(Number.MAX_SAFE_INTEGER), '8.00 PiB');
});

test('formatBytes - numbers beyond every unit are capped', () => {
	assert.equal(formatBytes(Number.MAX_VALUE), '999+ YiB');
	assert.equal(formatBytes(1024 ** 8 * 999), '999 YiB');
});

test('formatBytes - never shows NaN, infinity or negatives', () => {
	assert.deepEqual(
		[Number.NaN, Number.POSITIVE_INFINITY, -1].map(n => formatBytes(n)),
		['-', '-', '-'],
	);
	assert.equal(formatRate(Number.NaN), '-');
});

test('formatBytes - si units count in thousands', () => {
	assert.equal(formatBytes(999, 'si'), '999 B');
	assert.equal(formatBytes(1500, 'si'), '1.5 kB');
});

test('formatRate - appends per second', () => {
	assert.equal(formatRate(1.2 * mib), '1.2 MiB/s');
	assert.equal(formatRate(0), '0 B/s');
});

test('formatRate - bits mode multiplies by eight', () => {
	assert.equal(formatRate(1_200_000, 'bits'), '9.6 Mbit/s');
	assert.equal(formatRate(100, 'bits'), '800 bit/s');
});

test('formatDuration - seconds and minutes', () => {
	assert.equal(formatDuration(5999), '5s');
	assert.equal(formatDuration(125_000), '2m05s');
});

test('formatDuration - hours and days', () => {
	assert.equal(formatDuration(((3 * 60) + 12) * 60_000 + 59_000), '3h12m');
	assert.equal(formatDuration(((4 * 24) + 3) * 3_600_000), '4d03h');
});

test('formatDuration - unusable input is a dash', () => {
	assert.equal(formatDuration(undefined), '-');
	assert.deepEqual(
		[-1, Number.NaN, Number.POSITIVE_INFINITY].map(n => formatDuration(n)),
		['-', '-', '-'],
	);
});

test('formatDuration - zero is 0s', () => {
	assert.equal(formatDuration(0), '0s');
	assert.equal(formatDuration(59_999), '59s');
});

test('fitText - pads short text to the width', () => {
	assert.equal(fitText('ab', 5), 'ab   ');
	assert.equal(fitText('ab', 5, 'right'), '   ab');
});

test('fitText - cuts long text with an ellipsis', () => {
	assert.equal(fitText('abcdef', 4), 'abc…');
	assert.equal(fitText('abcdef', 1), '…');
});

test('fitText - text of exactly the width is unchanged', () => {
	assert.equal(fitText('abcd', 4), 'abcd');
	assert.equal(fitText('日本', 4), '日本');
});

test('fitText - zero or negative width gives nothing', () => {
	assert.equal(fitText('abc', 0), '');
	assert.equal(fitText('abc', -3), '');
});

test('fitText - never splits a wide character', () => {
	const fitted = fitText('日本語テキスト', 6);
	assert.equal(fitted, '日本… ');
	assert.equal(stringWidth(fitted), 6);
});

test('fitText - right-aligned cut pads on the left', () => {
	assert.equal(fitText('日本語', 4, 'right'), ' 日…');
	assert.equal(fitText('日本語', 2, 'right'), ' …');
});

test('fitText - pads CJK by columns, not characters', () => {
	assert.equal(fitText('日本', 6), '日本  ');
	assert.equal(stringWidth(fitText('日本', 6, 'right')), 6);
});

test('fitText - keeps emoji and family sequences whole', () => {
	const family = '👨‍👩‍👧';
	assert.equal(fitText(`${family}${family}x`, 4), `${family}… `);
	assert.equal(fitText(`a${family}`, 3), `a${family}`);
});

test('fitText - keeps a combining mark with its letter', () => {
	const text = 'e\u0301e\u0301e\u0301';
	assert.equal(fitText(text, 2), 'e\u0301…');
	assert.equal(fitText(text, 3), text);
});

test('fitText - result width is exact for mixed text at every width', () => {
	const samples = [
		'alice',
		'用户名称很长的用户',
		'emoji 🎉🎉 party',
		'\\x1b[31mred\\u202e',
		'e\u0301t\u00e9 caf\u00e9',
		'x👨‍👩‍👧y',
		'',
	];
	const widths: number[] = [];
	for (const sample of samples) {
		for (let width = 1; width <= 20; width++) {
			widths.push(stringWidth(fitText(sample, width)) - width);
		}
	}

	assert.ok(widths.every(difference => difference === 0));
	assert.equal(widths.length, samples.length * 20);
});
