import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {after, test} from 'node:test';
import {pathToFileURL} from 'node:url';

import {inkOutputPlugin} from '../.build/ink-output-plugin.js';
import stringWidth from 'string-width';

import cachedStringWidth from '../source/terminal/cached-string-width.js';
import {
	cachedStringWidthUrl,
	cellOutputUrl,
	resolve,
} from '../source/terminal/ink-output-swap.js';
import {bundleWithFakeInk} from './helpers/bundle-with-fake-ink.js';

const inkBuild = dirname(createRequire(import.meta.url).resolve('ink'));
const rendererUrl = pathToFileURL(join(inkBuild, 'renderer.js')).href;
const echo = async (specifier: string) => ({url: specifier});

const folders: string[] = [];
after(async () => {
	await Promise.all(
		folders.map(async folder => rm(folder, {recursive: true, force: true})),
	);
});

/** Bundles a fake Ink renderer of the given source with the swap. */
const bundleRenderer = async (rendererSource: string): Promise<string> => {
	const folder = await mkdtemp(join(tmpdir(), 'hytop-swap-'));
	folders.push(folder);
	return bundleWithFakeInk(
		folder,
		{
			'renderer.js': rendererSource,
			'output.js': 'export default class InkOwnOutput {}',
			'frame.js': 'export default class InkOwnOutput {}',
		},
		"export {default} from './node_modules/ink/build/renderer.js';",
		[inkOutputPlugin],
	);
};

test('ink output swap - the bundle gives Ink renderer CellOutput', async () => {
	const installed = await readFile(join(inkBuild, 'renderer.js'), 'utf8');
	const bundle = await bundleRenderer(
		"import Output from './output.js';\nexport default () => new Output({});",
	);
	assert.match(bundle, /CellOutput = class/);
	assert.doesNotMatch(bundle, /InkOwnOutput/);
	// The installed Ink imports it the same way.
	assert.match(installed, /import Output from '\.\/output\.js';/);
});

test('ink output swap - an Ink renderer that moved fails the build', async () => {
	await assert.rejects(
		bundleRenderer(
			"import Output from './frame.js';\nexport default () => new Output({});",
		),
		/renderer\.js no longer imports '\.\/output\.js'/,
	);
});

test('ink output swap - only Ink renderer gets CellOutput', async () => {
	const swapped = await resolve('./output.js', {parentURL: rendererUrl}, echo);
	const elsewhere = await resolve(
		'./output.js',
		{parentURL: pathToFileURL(join(inkBuild, 'ink.js')).href},
		echo,
	);
	assert.equal(swapped.url, cellOutputUrl);
	assert.equal(elsewhere.url, './output.js');
});

test('ink output swap - the built CLI draws through CellOutput', async () => {
	const bundle = await readFile(
		new URL('../dist/cli.js', import.meta.url),
		'utf8',
	);
	assert.match(bundle, /new CellOutput\(/);
	assert.doesNotMatch(bundle, /caches = new OutputCaches\(\)/);
});

test('ink output swap - string-width everywhere but in its wrapper', async () => {
	const swapped = await resolve('string-width', {parentURL: rendererUrl}, echo);
	const wrapped = await resolve(
		'string-width',
		{parentURL: 'file:///app/source/terminal/cached-string-width.ts'},
		echo,
	);
	assert.equal(swapped.url, cachedStringWidthUrl);
	assert.equal(wrapped.url, 'string-width');
});

test('cached string width - measures as string-width does, twice over', () => {
	const samples = ['abc', '田中 さくら', '🦊 fox', 'e\u0301', '▁▂▃█', '1\uFE0F\u20E3', ''];
	for (const sample of [...samples, ...samples]) {
		assert.equal(cachedStringWidth(sample), stringWidth(sample), sample);
	}

	assert.equal(cachedStringWidth('\u001B[31mab\u001B[39m'), 2);
});
