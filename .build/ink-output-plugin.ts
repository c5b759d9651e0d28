import {fileURLToPath} from 'node:url';

import type {Plugin} from 'esbuild';

import {
	inkOutputSpecifier,
	inkRenderer,
	isStringWidthWrapper,
} from '../source/terminal/ink-output-swap.js';

const cellOutput = fileURLToPath(
	new URL('../source/terminal/cell-output.ts', import.meta.url),
);
const cachedStringWidth = fileURLToPath(
	new URL('../source/terminal/cached-string-width.ts', import.meta.url),
);

/**
Gives Ink's renderer hytop's CellOutput in place of Ink's Output class, and
every module string-width that remembers widths (see
source/terminal/ink-output-swap.ts). A version of Ink whose renderer no
longer imports Output that way fails the build instead of shipping the
slow path unnoticed.
*/
export const inkOutputPlugin: Plugin = {
	name: 'ink-cell-output',
	setup(build) {
		let isSwapped = false;
		build.onStart(() => {
			isSwapped = false;
		});

		build.onResolve({filter: /^\.\/output\.js$/}, ({path, importer}) => {
			if (path !== inkOutputSpecifier || !inkRenderer.test(importer)) {
				return undefined;
			}

			isSwapped = true;
			return {path: cellOutput};
		});

		build.onResolve({filter: /^string-width$/}, ({importer}) =>
			isStringWidthWrapper(importer) ? undefined : {path: cachedStringWidth},
		);

		build.onEnd(result =>
			result.errors.length > 0 || isSwapped
				? undefined
				: {
						errors: [
							{
								text:
									"ink/build/renderer.js no longer imports './output.js'; " +
									'update source/terminal/ink-output-swap.ts',
							},
						],
					},
		);
	},
};
