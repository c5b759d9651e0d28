import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {
	copyFile,
	mkdir,
	mkdtemp,
	readFile,
	rm,
} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

import {boundInkPlugin} from '../.build/bound-ink-plugin.js';
import {unsafeForInk} from '../source/terminal/bounded-text-cache.js';
import {bundleWithFakeInk} from './helpers/bundle-with-fake-ink.js';
import {openTerminal, type Terminal} from './helpers/tmux.js';

// The built CLI is one file made by .build/bundle-cli.ts (npm test builds
// first). It must carry everything it needs, Ink's bounded caches included.
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const run = promisify(execFile);
const folders: string[] = [];
const terminals: Terminal[] = [];

after(async () => {
	await Promise.all(terminals.map(async terminal => terminal.close()));
	await Promise.all(
		folders.map(async folder => rm(folder, {recursive: true, force: true})),
	);
});

const makeFolder = async () => {
	const folder = await mkdtemp(join(tmpdir(), 'hytop-bundle-'));
	folders.push(folder);
	return folder;
};

/** The built CLI as the package ships it, with no node_modules about. */
const isolatedCli = async () => {
	const folder = await makeFolder();
	await mkdir(join(folder, 'dist'));
	await copyFile(
		fileURLToPath(new URL('../package.json', import.meta.url)),
		join(folder, 'package.json'),
	);
	const path = join(folder, 'dist', 'cli.js');
	await copyFile(cli, path);
	return path;
};

// The lines of Ink 6.8 that hytop changes, as Ink ships them.
const inkModules = {
	'measure-text.js': `const cache = new Map();
export default function measureText(text) {
	const dimensions = {width: text.length, height: 1};
	cache.set(text, dimensions);
	return dimensions;
}`,
	'wrap-text.js': `const cache = {};
export default function wrapText(text, maxWidth, wrapType) {
	const cacheKey = text + String(maxWidth) + String(wrapType);
	const wrappedText = text.slice(0, maxWidth);
	cache[cacheKey] = wrappedText;
	return wrappedText;
}`,
	'sanitize-ansi.js': `const sanitizeAnsi = (text) => {
	return text.replaceAll('\\u001B[2J', '');
};
export default sanitizeAnsi;`,
	'render-node-to-output.js': `import wrapText from './wrap-text.js';
const widestLine = text => Math.max(...text.split('\\n').map(line => line.length));
export default function renderText(text, maxWidth) {
	const currentWidth = widestLine(text);
	return currentWidth > maxWidth ? wrapText(text, maxWidth, 'wrap') : text;
}`,
};

const bundleWithInk = async (
	modules: Record<string, string>,
	entry: string,
): Promise<string> =>
	bundleWithFakeInk(await makeFolder(), modules, entry, [boundInkPlugin]);

// The sanitising's way out for texts whose only escapes are colours.
const colourFastPath = `if (!${String(unsafeForInk)}.test(text)) return text;`;

const importsAll =
	"export {default as m} from './node_modules/ink/build/measure-text.js';\n" +
	"export {default as w} from './node_modules/ink/build/wrap-text.js';\n" +
	"export {default as s} from './node_modules/ink/build/sanitize-ansi.js';\n" +
	"export {default as r} from './node_modules/ink/build/render-node-to-output.js';\n";

test('bundle plugin - bounds Ink’s caches, eases its sanitising, measures once', async () => {
	const bundle = await bundleWithInk(inkModules, importsAll);

	assert.match(
		bundle,
		/if \(cache\w*\.size >= \w+ \|\| cacheCharacters\w* > \w+\) \{\s*cache\w*\.clear\(\);/,
	);
	assert.match(bundle, /if \(\+\+cacheSize\w* > \w+\) \{/);
	assert.ok(bundle.includes(colourFastPath));
	assert.match(bundle, /const currentWidth = measure\w*\(text\)\.width;/);
});

test('bundle plugin - an Ink whose cache code moved fails the build', async () => {
	const moved = {
		...inkModules,
		'measure-text.js': inkModules['measure-text.js'].replace(
			'cache.set(text, dimensions);',
			'remember(cache, text, dimensions);',
		),
	};

	await assert.rejects(
		bundleWithInk(moved, importsAll),
		/measure-text\.js no longer has the code that hytop changes.*bounded-text-cache\.ts/,
	);
});

test('bundle plugin - an Ink without one of the cached modules fails the build', async () => {
	await assert.rejects(
		bundleWithInk(
			inkModules,
			"export {default} from './node_modules/ink/build/measure-text.js';",
		),
		/wrap-text\.js no longer has the code that hytop changes/,
	);
});

test('bundle - the built CLI carries Ink’s caches bounded', async () => {
	const bundle = await readFile(cli, 'utf8');

	assert.match(
		bundle,
		/if \(cache\w*\.size >= \w+ \|\| cacheCharacters\w* > \w+\) \{\s*cache\w*\.clear\(\);/,
	);
	assert.match(bundle, /if \(\+\+cacheSize\w* > \w+\) \{/);
	assert.ok(bundle.includes(colourFastPath));
	assert.match(bundle, /const currentWidth = measure\w*\(text\)\.width;/);
});

test('bundle - runs without node_modules or the module hook', async () => {
	// Were the hook still wanted, it would be looked for beside the bundle.
	const {stdout} = await run('node', [
		await isolatedCli(),
		'--demo',
		'--once',
	]);

	assert.match(stdout, /streams \d+/);
	assert.match(stdout, /USER +UP\/s/);
});

test('bundle - draws the live demo without node_modules, DEV set', async () => {
	// DEV=true makes Ink load React Devtools, which the bundle leaves out.
	const terminal = await openTerminal(
		`DEV=true node ${await isolatedCli()} --demo`,
	);
	terminals.push(terminal);

	const screen = await terminal.waitForText(/streams [1-9]/);
	assert.match(screen, /DEMO: simulated data/);
	await terminal.sendKeys('q');
	assert.match(await terminal.waitForText('EXIT='), /EXIT=0/);
});
