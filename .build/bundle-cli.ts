// Builds dist/cli.js as one file. Started from the modules tsc emits, hytop
// spent most of its time to the first frame in Node's module loader: some
// 300 files of Ink, React and undici, each resolved, read and compiled.
import {build} from 'esbuild';

import {boundInkPlugin} from './bound-ink-plugin.js';
import {inkDevtoolsStub} from './ink-devtools-stub.js';
import {inkOutputPlugin} from './ink-output-plugin.js';

const root = new URL('..', import.meta.url).pathname;

await build({
	absWorkingDir: root,
	entryPoints: ['source/cli.ts'],
	outfile: 'dist/cli.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	sourcemap: 'linked',
	sourcesContent: false,
	logLevel: 'warning',
	define: {
		// React and its renderer then carry only their production builds;
		// live-rendering.ts sets the same at run time for unbundled code.
		'process.env.NODE_ENV': '"production"',
		// The plugin below has bounded Ink's text caches, so the module hook
		// in live-rendering.ts is left out.
		HYTOP_INK_BOUNDED_AT_BUILD: 'true',
		// And the one below gives Ink's renderer CellOutput.
		HYTOP_INK_OUTPUT_SWAPPED_AT_BUILD: 'true',
	},
	logOverride: {
		// live-rendering.ts assigns NODE_ENV for unbundled code; here the
		// define above has already made it a constant.
		'assign-to-define': 'silent',
	},
	// The bundled CommonJS packages (React, undici) require Node's built-in
	// modules, which an ES module bundle can only do through this.
	banner: {
		js:
			"import {createRequire as createHytopRequire} from 'node:module';\n" +
			'const require = createHytopRequire(import.meta.url);',
	},
	plugins: [boundInkPlugin, inkDevtoolsStub, inkOutputPlugin],
});
