import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';

import {build, type Plugin} from 'esbuild';

/**
Bundles `entry` in `folder` against a fake Ink made of the given modules
(file name to source, in node_modules/ink/build), with `plugins`.
*/
export const bundleWithFakeInk = async (
	folder: string,
	modules: Record<string, string>,
	entry: string,
	plugins: Plugin[],
): Promise<string> => {
	const inkBuild = join(folder, 'node_modules', 'ink', 'build');
	await mkdir(inkBuild, {recursive: true});
	for (const [file, source] of Object.entries(modules)) {
		// eslint-disable-next-line no-await-in-loop
		await writeFile(join(inkBuild, file), source);
	}

	const result = await build({
		stdin: {contents: entry, resolveDir: folder, loader: 'js'},
		bundle: true,
		format: 'esm',
		write: false,
		logLevel: 'silent',
		plugins,
	});
	return result.outputFiles[0]?.text ?? '';
};
