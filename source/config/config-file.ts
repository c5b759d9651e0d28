import {dirname, resolve} from 'node:path';

import {isSeq, type YAMLMap} from 'yaml';

import {UsageError} from '../options.js';
import {readConfigText} from './read-config-text.js';
import {checkServerUrl} from './server-url.js';
import {
	isConfigMap,
	mapKeys,
	mapValue,
	parseConfigDocument,
	scalarText,
} from './yaml-tree.js';

/** One server as a hytop configuration file lists it. */
export type ConfigFileEntry = {
	readonly name: string | undefined;
	readonly url: string;
	/** Absolute: a relative path is taken from the file's folder. */
	readonly secretFile: string | undefined;
};

const entryKeys = new Set(['name', 'url', 'secretFile']);

const example = [
	'servers:',
	'  - name: alpha',
	'    url: http://127.0.0.1:9999',
	'    secretFile: /etc/hytop/alpha.secret',
].join('\n');

const checkKeys = (map: YAMLMap, where: string): void => {
	for (const key of mapKeys(map)) {
		if (key === 'secret') {
			throw new UsageError(
				`${where}: put the secret in a file of its own ` +
					'(chmod 600) and give its path as secretFile',
			);
		}

		if (!entryKeys.has(key)) {
			throw new UsageError(
				`${where}: unknown setting "${key}"; ` +
					'a server has name, url and secretFile',
			);
		}
	}
};

/** A setting that must be text when present. */
const optionalText = (
	map: YAMLMap,
	key: string,
	where: string,
): string | undefined => {
	const node = mapValue(map, key);
	if (node === undefined) {
		return undefined;
	}

	const text = scalarText(node);
	if (text === undefined || text.trim() === '') {
		throw new UsageError(`${where}: ${key} must be a non-empty text`);
	}

	return text;
};

const parseEntry = (
	node: unknown,
	index: number,
	path: string,
): ConfigFileEntry => {
	const where = `${path}, server ${index + 1}`;
	if (!isConfigMap(node)) {
		throw new UsageError(
			`${where}: expected name, url and secretFile, like this:\n${example}`,
		);
	}

	checkKeys(node, where);
	const url = optionalText(node, 'url', where);
	if (url === undefined) {
		throw new UsageError(`${where}: url is missing`);
	}

	const secretFile = optionalText(node, 'secretFile', where);

	return {
		name: optionalText(node, 'name', where),
		url: checkServerUrl(url, `${where}: url`),
		secretFile:
			secretFile === undefined
				? undefined
				: resolve(dirname(path), secretFile),
	};
};

/** The servers a hytop configuration file (YAML or JSON) lists. */
export const parseConfigFile = (
	text: string,
	path: string,
): ConfigFileEntry[] => {
	const root = parseConfigDocument(text, path);
	const servers = isConfigMap(root) ? mapValue(root, 'servers') : undefined;
	if (!isSeq(servers) || servers.items.length === 0) {
		throw new UsageError(
			`${path} lists no servers; write them like this:\n${example}`,
		);
	}

	for (const key of mapKeys(root as YAMLMap)) {
		if (key !== 'servers') {
			throw new UsageError(
				`${path}: unknown setting "${key}"; the file holds servers only`,
			);
		}
	}

	return servers.items.map((node, index) => parseEntry(node, index, path));
};

/** Reads and checks a hytop configuration file; it must exist. */
export const readConfigFile = async (
	path: string,
): Promise<ConfigFileEntry[]> => {
	const text = await readConfigText(path);
	if (text === undefined) {
		throw new UsageError(
			`the configuration file ${path} does not exist: check --config-file`,
		);
	}

	return parseConfigFile(text, path);
};
