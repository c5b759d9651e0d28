// Ink builds every frame in its Output class (ink/build/output.js), which
// its renderer imports as './output.js'; hytop draws frames through
// CellOutput instead (see cell-output.ts). The bundle makes the swap at
// build time; code run unbundled (the benchmark) gets it from the module
// hook below, registered by live-rendering.ts.

/** Ink's module that imports the Output class, wherever node_modules is. */
export const inkRenderer = /[\\/]ink[\\/]build[\\/]renderer\.js$/;

/** How Ink's renderer names the module it gets Output from. */
export const inkOutputSpecifier = './output.js';

export const cellOutputUrl = new URL('cell-output.js', import.meta.url).href;

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

	return nextResolve(specifier, context);
};
