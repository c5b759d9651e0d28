import {extname} from 'node:path';

import {UsageError} from '../options.js';
import {listenToUrl} from './listen-address.js';
import {readConfigText} from './read-config-text.js';
import {
	isConfigMap,
	mapValue,
	parseConfigDocument,
	scalarText,
} from './yaml-tree.js';

/** Where a Hysteria server keeps its configuration, in search order. */
export const defaultHysteriaConfigPaths: readonly string[] = [
	'/etc/hysteria/config.yaml',
	'/etc/hysteria/config.yml',
	'/etc/hysteria/config.json',
];

/** What hytop needs from a Hysteria server's configuration. */
export type HysteriaStatsAccess = {
	/** The file it came from. */
	readonly path: string;
	readonly url: string;
	/** Undefined when the API has no secret. */
	readonly secret: string | undefined;
};

const yamlSnippet = [
	'trafficStats:',
	'  listen: 127.0.0.1:9999',
	'  secret: <a long random string>',
].join('\n');

const jsonSnippet =
	'"trafficStats": {"listen": "127.0.0.1:9999", ' +
	'"secret": "<a long random string>"}';

const missingSection = (path: string, problem: string): UsageError => {
	const snippet = extname(path) === '.json' ? jsonSnippet : yamlSnippet;

	return new UsageError(
		`${path} ${problem}, so the server offers no Traffic Stats API. ` +
			`Add this to it and restart Hysteria:\n${snippet}`,
	);
};

/** Reads `trafficStats.listen` and `secret` out of a configuration's text. */
export const parseHysteriaConfig = (
	text: string,
	path: string,
): HysteriaStatsAccess => {
	const root = parseConfigDocument(text, path, {isLenient: true});
	// The server matches its keys in any letter case.
	const section = isConfigMap(root)
		? mapValue(root, 'trafficStats', {ignoreCase: true})
		: undefined;
	if (section === undefined || section === null) {
		throw missingSection(path, 'has no trafficStats section');
	}

	if (!isConfigMap(section)) {
		throw new UsageError(
			`trafficStats in ${path} must be a section with listen and secret`,
		);
	}

	const listen = scalarText(mapValue(section, 'listen', {ignoreCase: true}));
	if (listen === undefined || listen.trim() === '') {
		throw missingSection(path, 'has no trafficStats.listen address');
	}

	const secretNode = mapValue(section, 'secret', {ignoreCase: true});
	const secret = secretNode === undefined ? '' : scalarText(secretNode);
	if (secret === undefined) {
		throw new UsageError(
			`trafficStats.secret in ${path} must be a single value`,
		);
	}

	return {
		path,
		url: listenToUrl(listen, `trafficStats.listen in ${path}`),
		// An empty secret is no secret: the server then checks nothing.
		secret: secret === '' ? undefined : secret,
	};
};

/** Reads a configuration the operator named; it must exist. */
export const readHysteriaConfig = async (
	path: string,
): Promise<HysteriaStatsAccess> => {
	const text = await readConfigText(path);
	if (text === undefined) {
		throw new UsageError(
			`the Hysteria configuration ${path} does not exist: ` +
				'check --hysteria-config',
		);
	}

	return parseHysteriaConfig(text, path);
};

/**
Reads the first configuration found at `searchPaths`, or returns undefined
when there is none. A file that exists but cannot be read or used is an
error, not a reason to look further: the operator meant that one.
*/
export const findHysteriaConfig = async (
	searchPaths: readonly string[] = defaultHysteriaConfigPaths,
): Promise<HysteriaStatsAccess | undefined> => {
	for (const path of searchPaths) {
		// One at a time: the first that exists is the one to use.
		// eslint-disable-next-line no-await-in-loop
		const text = await readConfigText(path);
		if (text !== undefined) {
			return parseHysteriaConfig(text, path);
		}
	}

	return undefined;
};
