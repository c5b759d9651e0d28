// Ink remembers the measured size of every text it has ever drawn, in a map
// that is never emptied. A monitor draws new numbers every second, so over
// hours that map is most of hytop's memory. These hooks bound it: when Ink's
// measuring module is loaded, its cache is emptied whenever it passes a
// limit. Registered (see live-rendering.ts) before Ink is imported.

/** Texts remembered before the cache starts again. */
export const textCacheLimit = 2000;

const cacheWrite = 'cache.set(text, dimensions);';

/**
Ink's measuring module with its cache bounded; any other text, or a version
of Ink written differently, comes back unchanged.
*/
export const boundTextCache = (source: string): string =>
	source.includes('const cache = new Map();') && source.includes(cacheWrite)
		? source.replace(
				cacheWrite,
				`if (cache.size >= ${textCacheLimit}) cache.clear(); ${cacheWrite}`,
			)
		: source;

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
	if (!url.endsWith('/ink/build/measure-text.js') || result.source === undefined) {
		return result;
	}

	const source =
		typeof result.source === 'string'
			? result.source
			: Buffer.from(result.source as Uint8Array).toString('utf8');
	return {...result, source: boundTextCache(source)};
};
