// Two modules Ink uses are swapped for cheaper equivalents: its Output
// class (ink/build/output.js, imported by its renderer as './output.js')
// for CellOutput (see cell-output.ts), and string-width, everywhere, for a
// version that remembers widths (see cached-string-width.ts). The bundle
// makes the swaps at build time; code run unbundled (the benchmark) gets
// them from the module hook below, registered by live-rendering.ts.

/** Ink's module that imports the Output class, wherever node_modules is. */
export const inkRenderer = /[\\/]ink[\\/]build[\\/]renderer\.js$/;

/** How Ink's renderer names the module it gets Output from. */
export const inkOutputSpecifier = './output.js';

export const cellOutputUrl = new URL('cell-output.js', import.meta.url).href;

export const cachedStringWidthUrl = new URL(
	'cached-string-width.js',
	import.meta.url,
).href;

/** Whether `parent` is the module that wraps string-width itself. */
export const isStringWidthWrapper = (parent: string): boolean =>
	/[\\/]cached-string-width\.[jt]s$/.test(parent);

type ResolveResult = {readonly url: string; readonly shortCircuit?: boolean};
type ResolveContext = {readonly parentURL?: string};

/** Node's module `resolve` hook: Ink's renderer gets CellOutput. */
export const resolve = async (
	specifier: string,
	context: ResolveContext,
	nextResolve: (
		specifier: string,
		context: ResolveContext,
	) => Promise<ResolveResult>,
): Promise<ResolveResult> => {
	const parent = context.parentURL ?? '';
	if (specifier === inkOutputSpecifier && inkRenderer.test(parent)) {
		return nextResolve(cellOutputUrl, context);
	}

	if (specifier === 'string-width' && !isStringWidthWrapper(parent)) {
		return nextResolve(cachedStringWidthUrl, context);
	}

	return nextResolve(specifier, context);
};
