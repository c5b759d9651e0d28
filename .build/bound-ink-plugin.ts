import {readFile} from 'node:fs/promises';
import {basename} from 'node:path';
import {pathToFileURL} from 'node:url';

import type {Plugin} from 'esbuild';

import {
	boundTextCache,
	hasTextCacheBound,
	inkFilesWithTextCache,
} from '../source/terminal/bounded-text-cache.js';

const escaped = (text: string) =>
	text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Ink's modules that hytop changes, wherever node_modules is. */
const inkModules = new RegExp(
	String.raw`[\\/]ink[\\/]build[\\/]` +
		`(${inkFilesWithTextCache.map(escaped).join('|')})$`,
);

const movedMessage = (file: string) =>
	`ink/build/${file} no longer has the code that hytop changes; ` +
	'update the edits in source/terminal/bounded-text-cache.ts';

/**
Bounds Ink's text caches and speeds up its escape sanitising in the bundle
(see bounded-text-cache.ts), as `npm run prepare` does in node_modules, so
the bundled CLI never needs the module hook. A version of Ink whose code
moved fails the build instead of shipping without them.
*/
export const boundInkPlugin: Plugin = {
	name: 'bound-ink-text-caches',
	setup(build) {
		const bounded = new Set<string>();
		build.onStart(() => {
			bounded.clear();
		});

		build.onLoad({filter: inkModules}, async ({path}) => {
			const file = basename(path);
			const source = await readFile(path, 'utf8');
			const contents = boundTextCache(pathToFileURL(path).href, source);
			if (!hasTextCacheBound(contents)) {
				return {errors: [{text: movedMessage(file)}]};
			}

			bounded.add(file);
			return {contents, loader: 'js'};
		});

		// Ink that stopped loading one of these files keeps its cache elsewhere.
		build.onEnd(result => {
			if (result.errors.length > 0) {
				return undefined;
			}

			const missing = inkFilesWithTextCache.filter(
				file => !bounded.has(file),
			);
			return {errors: missing.map(file => ({text: movedMessage(file)}))};
		});
	},
};
