import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {promisify} from 'node:util';

import {
	boundTextCache,
	isInstalledInkBounded,
	load,
	unsafeForInk,
} from '../source/terminal/bounded-text-cache.js';
import {seededRandom} from './helpers/seeded-random.js';

const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));
const measureTextUrl = `file://${join(inkBuild, 'measure-text.js')}`;
const wrapTextUrl = `file://${join(inkBuild, 'wrap-text.js')}`;

// The lines of Ink 6.8 that the bound changes, as Ink ships them.
const measureText = `const cache = new Map();
const measureText = (text) => {
    const dimensions = { width, height };
    cache.set(text, dimensions);
    return dimensions;
};`;

// An Ink upgrade that moves the cached code fails here.
test('text cache - the installed Ink is bounded by the install', () => {
	assert.equal(isInstalledInkBounded(), true);
});

test('text cache - bounding adds a limit once, and leaves other modules alone', () => {
	const bounded = boundTextCache(measureTextUrl, measureText);
	assert.match(bounded, /if \(cache\.size >= \d+ \|\| cacheCharacters > \d+\)/);
	assert.equal(boundTextCache(measureTextUrl, bounded), bounded);
	assert.equal(boundTextCache('file:///x/other.js', measureText), measureText);
});

test('text cache - the module hook bounds an Ink that the install did not', async () => {
	const result = await load(measureTextUrl, {}, async () => ({
		format: 'module',
		source: Buffer.from(measureText),
	}));
	assert.match(String(result.source), /cache\.clear\(\)/);
});

test('text cache - measuring and cutting new texts keeps no memory', async () => {
	const script = `
		const {default: measureText} = await import(${JSON.stringify(measureTextUrl)});
		const {default: wrapText} = await import(${JSON.stringify(wrapTextUrl)});
		globalThis.gc();
		const before = process.memoryUsage().heapUsed;
		for (let i = 0; i < 100000; i++) {
			const text = 'row ' + i + ' ' + 'x'.repeat(100);
			measureText(text);
			wrapText(text, 80, 'truncate');
		}

		// Whole tables, as the panes draw their rows.
		for (let i = 0; i < 3000; i++) {
			measureText(('row ' + i + ' ' + 'x'.repeat(200) + '\\n').repeat(40));
		}
		globalThis.gc();
		console.log(process.memoryUsage().heapUsed - before);
	`;
	const {stdout} = await promisify(execFile)('node', [
		'--expose-gc',
		'--input-type=module',
		'-e',
		script,
	]);
	const keptMiB = Number(stdout.trim()) / 1024 / 1024;
	// Unbounded, 100,000 texts keep about 50 MiB.
	assert.ok(keptMiB < 3, `kept ${keptMiB.toFixed(1)} MiB`);
});

// Ink's tokenizer, which its sanitising keeps or drops escapes by.
type AnsiToken = {
	readonly type: string;
	readonly value: string;
	readonly finalCharacter?: string;
	readonly intermediateString?: string;
	readonly parameterString?: string;
};
const {tokenizeAnsi} = (await import(
	`file://${join(inkBuild, 'ansi-tokenizer.js')}`
)) as {tokenizeAnsi: (text: string) => AnsiToken[]};

/** Whether Ink's sanitising keeps every token of `text` as it is. */
const isKeptWhole = (text: string): boolean =>
	tokenizeAnsi(text).every(
		token =>
			token.type === 'text' ||
			token.type === 'osc' ||
			(token.type === 'csi' &&
				token.finalCharacter === 'm' &&
				token.intermediateString === '' &&
				/^[\d:;]*$/.test(token.parameterString ?? '')),
	) && tokenizeAnsi(text).map(token => token.value).join('') === text;

test('text cache - a text the colour fast path lets through is one Ink keeps whole', () => {
	const parts = [
		'row 1',
		' ',
		'田中',
		'\u001B[32m',
		'\u001B[39m',
		'\u001B[38;5;208m',
		'\u001B[38:2::1:2:3m',
		'\u001B[m',
		'\u001B[2J',
		'\u001B[?25l',
		'\u001B[1 m',
		'\u001B]0;title\u0007',
		'\u001B',
		'\u001B[',
		'\u001B[31',
		'\u009B31m',
		'\u0085',
		'\u007F',
	];
	const random = seededRandom(9);
	let letThrough = 0;
	for (let round = 0; round < 5000; round++) {
		let text = '';
		for (let count = random.below(6); count > 0; count--) {
			text += random.pick(parts);
		}

		if (!unsafeForInk.test(text)) {
			letThrough++;
			assert.ok(isKeptWhole(text), JSON.stringify(text));
		}
	}

	assert.ok(letThrough > 500);
});
