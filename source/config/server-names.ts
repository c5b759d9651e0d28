import {sanitizeText} from '../format/sanitize-text.js';
import {UsageError} from '../options.js';
import {nameFromUrl} from './server-url.js';

type Named = {readonly name: string | undefined; readonly url: string};

const controlCharacters = /[\p{Cc}\p{Cs}]/u;

/**
A unique name for every server, in order. Names given in a configuration
file must differ; the others are the URL's host:port, with " (2)", " (3)"
added when that is taken.
*/
export const assignNames = (servers: readonly Named[]): string[] => {
	const taken = new Set<string>();
	for (const {name} of servers) {
		if (name === undefined) {
			continue;
		}

		if (controlCharacters.test(name)) {
			throw new UsageError(
				`the server name "${sanitizeText(name)}" holds control ` +
					'characters: use plain text',
			);
		}

		if (taken.has(name)) {
			throw new UsageError(
				`two servers are named "${name}": give each its own name`,
			);
		}

		taken.add(name);
	}

	return servers.map(({name, url}) => {
		if (name !== undefined) {
			return name;
		}

		const base = nameFromUrl(url);
		let candidate = base;
		for (let count = 2; taken.has(candidate); count++) {
			candidate = `${base} (${count})`;
		}

		taken.add(candidate);

		return candidate;
	});
};
