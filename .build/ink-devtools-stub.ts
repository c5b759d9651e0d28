import type {Plugin} from 'esbuild';

/**
Ink connects to React Devtools when DEV=true, through a module that imports
react-devtools-core, which hytop does not install. In the bundle that
module is empty, so a DEV variable left in a shell changes nothing, and the
import that would fail at start-up is never written.
*/
export const inkDevtoolsStub: Plugin = {
	name: 'ink-devtools-stub',
	setup(build) {
		build.onResolve({filter: /^\.\/devtools\.js$/}, ({importer}) =>
			/[\\/]ink[\\/]build[\\/]/.test(importer)
				? {path: 'ink-devtools', namespace: 'hytop-stub'}
				: undefined,
		);
		build.onLoad({filter: /.*/, namespace: 'hytop-stub'}, () => ({
			contents: '',
			loader: 'js',
		}));
	},
};
