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

test('text cache - the installed Ink is bounded (an upgrade that moves it fails here)', async () => {
	const source = await readFile(measureTextPath, 'utf8');
	const bounded = boundTextCache(source);
	assert.notEqual(bounded, source);
	assert.match(bounded, /if \(cache\.size >= \d+\) cache\.clear\(\);/);
});

test('text cache - other modules pass through untouched', () => {
	const source = 'export const x = new Map();';
	assert.equal(boundTextCache(source), source);
});

test('text cache - with hytop loaded first, measuring new texts keeps no memory', async () => {
	// The built code (npm test builds first), as the hytop command runs it.
	const liveRendering = fileURLToPath(
		new URL('../dist/terminal/live-rendering.js', import.meta.url),
	);
	const script = `
		await import(${JSON.stringify(liveRendering)});
		const {default: measureText} = await import(${JSON.stringify(measureTextPath)});
		globalThis.gc();
		const before = process.memoryUsage().heapUsed;
		for (let i = 0; i < 100000; i++) measureText('row ' + i + ' ' + 'x'.repeat(100));
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
	// Unbounded, 100,000 texts keep about 20 MiB.
	assert.ok(keptMiB < 3, `kept ${keptMiB.toFixed(1)} MiB`);
});
