import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

import {boundTextCache} from '../source/terminal/bounded-text-cache.js';

const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));
const measureTextPath = join(inkBuild, 'measure-text.js');
const wrapTextPath = join(inkBuild, 'wrap-text.js');

test('text cache - the installed Ink is bounded (an upgrade that moves it fails here)', async () => {
	for (const path of [measureTextPath, wrapTextPath]) {
		// eslint-disable-next-line no-await-in-loop
		const source = await readFile(path, 'utf8');
		assert.notEqual(boundTextCache(`file://${path}`, source), source, path);
	}
});

test('text cache - other modules pass through untouched', () => {
	const source = 'const cache = {}; cache[cacheKey] = wrappedText;';
	assert.equal(boundTextCache('file:///x/other.js', source), source);
});

test('text cache - with hytop loaded first, measuring new texts keeps no memory', async () => {
	// The built code (npm test builds first), as the hytop command runs it.
	const liveRendering = fileURLToPath(
		new URL('../dist/terminal/live-rendering.js', import.meta.url),
	);
	const script = `
		await import(${JSON.stringify(liveRendering)});
		const {default: measureText} = await import(${JSON.stringify(measureTextPath)});
		const {default: wrapText} = await import(${JSON.stringify(wrapTextPath)});
		globalThis.gc();
		const before = process.memoryUsage().heapUsed;
		for (let i = 0; i < 100000; i++) {
			const text = 'row ' + i + ' ' + 'x'.repeat(100);
			measureText(text);
			wrapText(text, 80, 'truncate');
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
