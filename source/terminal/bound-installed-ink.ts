// Run by `npm run prepare` (so by `npm install` and `npm ci`): see
// bounded-text-cache.ts for why hytop changes a few lines of the installed Ink.
import {boundInstalledInk} from './bounded-text-cache.js';

for (const path of boundInstalledInk()) {
	process.stdout.write(`hytop changed ${path}\n`);
}
