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
} from '../source/terminal/bounded-text-cache.js';

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
