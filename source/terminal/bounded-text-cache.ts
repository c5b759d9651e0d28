// Ink remembers every text it has ever measured and every text it has ever
// cut to width, in two module-level caches that are never emptied. A
// monitor draws new numbers every second, so over hours those caches become
// most of hytop's memory. These module hooks bound them: when Ink's modules
// are loaded, each cache starts again whenever it passes a limit.
// Registered (see live-rendering.ts) before Ink is imported.

/** Texts a cache remembers before it starts again. */
export const textCacheLimit = 2000;

type Patch = {
	readonly file: string;
	/** Each `find` must occur in the module, else it is left as it is. */
	readonly edits: ReadonlyArray<{readonly find: string; readonly replace: string}>;
};

const patches: readonly Patch[] = [
	{
		file: '/ink/build/measure-text.js',
		edits: [
			{
				find: 'cache.set(text, dimensions);',
				replace: `if (cache.size >= ${textCacheLimit}) cache.clear(); cache.set(text, dimensions);`,
			},
		],
	},
	{
		file: '/ink/build/wrap-text.js',
		edits: [
			{find: 'const cache = {};', replace: 'let cache = {}; let cacheSize = 0;'},
			{
				find: 'cache[cacheKey] = wrappedText;',
				replace: `if (++cacheSize > ${textCacheLimit}) { cache = {}; cacheSize = 1; } cache[cacheKey] = wrappedText;`,
			},
		],
	},
];

/**
The module at `url` with its text cache bounded; any other module, or a
version of Ink written differently, comes back unchanged.
*/
export const boundTextCache = (url: string, source: string): string => {
	const patch = patches.find(candidate => url.endsWith(candidate.file));
	if (!patch || !patch.edits.every(edit => source.includes(edit.find))) {
		return source;
	}

	return patch.edits.reduce(
		(text, edit) => text.replace(edit.find, edit.replace),
		source,
	);
};

type LoadResult = {
	readonly format?: string;
	readonly source?: string | ArrayBuffer | Uint8Array;
	readonly shortCircuit?: boolean;
};

/** Node's module `load` hook. */
export const load = async (
	url: string,
	context: unknown,
	nextLoad: (url: string, context: unknown) => Promise<LoadResult>,
): Promise<LoadResult> => {
	const result = await nextLoad(url, context);
	const isPatched = patches.some(patch => url.endsWith(patch.file));
	if (!isPatched || result.source === undefined) {
		return result;
	}

	const source =
		typeof result.source === 'string'
			? result.source
			: Buffer.from(result.source as Uint8Array).toString('utf8');
	return {...result, source: boundTextCache(url, source)};
};
