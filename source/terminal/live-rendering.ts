import {register} from 'node:module';

import {isInstalledInkBounded} from './bounded-text-cache.js';

// Ink draws only the final frame when it believes it runs in CI, and decides
// that from the environment when it is first loaded. An operator's shell can
// carry such a variable (CI=1 left in a profile); on a real terminal, hytop
// must draw live anyway. So this module runs before Ink is imported.

if (process.stdout.isTTY) {
	delete process.env['CI'];
	delete process.env['CONTINUOUS_INTEGRATION'];
}

// NO_COLOR (no-color.org) asks for no colour; the colour library Ink uses
// does not read it, but it does read FORCE_COLOR, when it is first loaded.
if (process.env['NO_COLOR']) {
	process.env['FORCE_COLOR'] = '0';
}

// React picks its development build unless NODE_ENV says production, and
// that build records a performance measure for every component render,
// which Node keeps: at 10k streams hytop grew by 170 MB a second and spent
// half its time collecting garbage. A monitor never wants it.
process.env['NODE_ENV'] = 'production';

/** True in the bundled CLI, whose build bounded Ink's text caches. */
declare const HYTOP_INK_BOUNDED_AT_BUILD: boolean | undefined;

// Ink's text caches would grow for as long as hytop runs (see
// bounded-text-cache.ts). The bundle and installs bound them; otherwise a
// module hook does. In the bundle this whole test is gone at build time.
const isBoundAtBuild =
	typeof HYTOP_INK_BOUNDED_AT_BUILD === 'boolean' && HYTOP_INK_BOUNDED_AT_BUILD;
if (!isBoundAtBuild && !isInstalledInkBounded()) {
	register('./bounded-text-cache.js', import.meta.url);
}

/** True in the bundled CLI, whose build gave Ink's renderer CellOutput. */
declare const HYTOP_INK_OUTPUT_SWAPPED_AT_BUILD: boolean | undefined;

// Frames are drawn through CellOutput, much cheaper than Ink's own Output
// (see ink-output-swap.ts): the bundle is built so; unbundled, a module hook
// makes the swap for modules imported from here on.
const isSwappedAtBuild =
	typeof HYTOP_INK_OUTPUT_SWAPPED_AT_BUILD === 'boolean' &&
	HYTOP_INK_OUTPUT_SWAPPED_AT_BUILD;
if (!isSwappedAtBuild) {
	register('./ink-output-swap.js', import.meta.url);
}
