import {readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';

// Ink remembers every text it has ever measured and every text it has ever
// cut to width, in two module-level caches that are never emptied. A
// monitor draws new numbers every second, so over hours those caches become
// most of hytop's memory. The fix bounds them: each cache starts again
// whenever it passes a limit (of texts, and of characters for the one that
// measures whole tables).
//
// Two more changes are for speed. Before a text is measured and drawn, Ink
// strips escape sequences that could move the cursor by reading the text
// token by token, twice a frame for every text holding a colour: a text
// whose only escapes are colours is now let through after one pattern
// test. And drawing a text measured it again; it now asks the measuring
// cache that laying it out filled a moment before.
//
// The build writes these changes into the bundled CLI
// (.build/bound-ink-plugin.ts); `npm run prepare` writes them into the
// installed Ink too, for code that loads Ink from node_modules; where that
// was skipped, a module hook makes them at start-up, which costs time.

/** Texts a cache remembers before it starts again. */
export const textCacheLimit = 2000;
/**
Characters the measuring cache holds before it starts again: a table's rows
are measured as one text, thousands of characters long, new every frame.
*/
export const textCacheCharacters = 500_000;

/** Present in a module once it is bounded: patching twice changes nothing. */
const marker = '/* hytop: bounded cache */';

type Patch = {
	readonly file: string;
	/** Each `find` must occur in the module, else it is left as it is. */
	readonly edits: ReadonlyArray<{readonly find: string; readonly replace: string}>;
};

/**
Matches what Ink's sanitizeAnsi would change: a C1 control character, or an
escape that does not start an SGR sequence Ink keeps (ESC [, parameters of
digits, colons and semicolons, m). A text it does not match is returned by
sanitizeAnsi as it is.
*/
export const unsafeForInk = /[\u0080-\u009F]|\u001B(?!\[[\d:;]*m)/;

const patches: readonly Patch[] = [
	{
		file: 'render-node-to-output.js',
		edits: [
			{
				find: "import wrapText from './wrap-text.js';",
				replace:
					"import wrapText from './wrap-text.js'; " +
					`${marker} import measureText from './measure-text.js';`,
			},
			{
				find: 'const currentWidth = widestLine(text);',
				replace: 'const currentWidth = measureText(text).width;',
			},
		],
	},
	{
		file: 'sanitize-ansi.js',
		edits: [
			{
				find: 'const sanitizeAnsi = (text) => {',
				replace:
					'const sanitizeAnsi = (text) => { ' +
					`${marker} if (!${String(unsafeForInk)}.test(text)) return text;`,
			},
		],
	},
	{
		file: 'measure-text.js',
		edits: [
			{
				find: 'const cache = new Map();',
				replace: 'const cache = new Map(); let cacheCharacters = 0;',
			},
			{
				find: 'cache.set(text, dimensions);',
				replace:
					`${marker} cacheCharacters += text.length; ` +
					`if (cache.size >= ${textCacheLimit} || ` +
					`cacheCharacters > ${textCacheCharacters}) ` +
					'{ cache.clear(); cacheCharacters = text.length; } ' +
					'cache.set(text, dimensions);',
			},
		],
	},
	{
		file: 'wrap-text.js',
		edits: [
			{find: 'const cache = {};', replace: 'let cache = {}; let cacheSize = 0;'},
			{
				find: 'cache[cacheKey] = wrappedText;',
				replace:
					`${marker} if (++cacheSize > ${textCacheLimit}) ` +
					'{ cache = {}; cacheSize = 1; } cache[cacheKey] = wrappedText;',
			},
		],
	},
];

/** The modules of Ink, in ink/build/, that keep a text cache. */
export const inkFilesWithTextCache: readonly string[] = patches.map(
	patch => patch.file,
);

/** Whether a module's source carries the bound. */
export const hasTextCacheBound = (source: string): boolean =>
	source.includes(marker);

const patchFor = (url: string) =>
	patches.find(candidate => url.endsWith(`/ink/build/${candidate.file}`));

/**
The module at `url` with its text cache bounded; any other module, one
already bounded, or a version of Ink written differently comes back as is.
*/
export const boundTextCache = (url: string, source: string): string => {
	const patch = patchFor(url);
	if (
		!patch ||
		hasTextCacheBound(source) ||
		!patch.edits.every(edit => source.includes(edit.find))
	) {
		return source;
	}

	return patch.edits.reduce(
		(text, edit) => text.replace(edit.find, edit.replace),
		source,
	);
};

const inkFiles = (): string[] => {
	const build = dirname(createRequire(import.meta.url).resolve('ink'));
	return inkFilesWithTextCache.map(file => join(build, file));
};

/** Writes the bound into the installed Ink; returns the files it changed. */
export const boundInstalledInk = (): string[] =>
	inkFiles().filter(path => {
		const source = readFileSync(path, 'utf8');
		const bounded = boundTextCache(`file://${path}`, source);
		if (bounded === source) {
			return false;
		}

		writeFileSync(path, bounded);
		return true;
	});

/** Whether the installed Ink already has its caches bounded. */
export const isInstalledInkBounded = (): boolean => {
	try {
		return inkFiles().every(path =>
			hasTextCacheBound(readFileSync(path, 'utf8')),
		);
	} catch {
		return false;
	}
};

type LoadResult = {
	readonly format?: string;
	readonly source?: string | ArrayBuffer | Uint8Array;
	readonly shortCircuit?: boolean;
};

/** Node's module `load` hook, for an Ink installed without the bound. */
export const load = async (
	url: string,
	context: unknown,
	nextLoad: (url: string, context: unknown) => Promise<LoadResult>,
): Promise<LoadResult> => {
	const result = await nextLoad(url, context);
	if (!patchFor(url) || result.source === undefined) {
		return result;
	}

	const source =
		typeof result.source === 'string'
			? result.source
			: Buffer.from(result.source as Uint8Array).toString('utf8');
	return {...result, source: boundTextCache(url, source)};
};
