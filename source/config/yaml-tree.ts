import {isMap, isScalar, parseDocument, type YAMLMap} from 'yaml';

import {UsageError} from '../options.js';

/**
Parses YAML or JSON (JSON is YAML too) into a document tree. The tree, not
plain values, is kept so that scalars can be read as the operator wrote
them: a secret such as `0123` must not become the number 123.
*/
export const parseConfigDocument = (
	text: string,
	path: string,
	options: {readonly isLenient?: boolean} = {},
): unknown => {
	const document = parseDocument(text, {
		// The Hysteria server keeps the last of repeated keys; so do we.
		uniqueKeys: !options.isLenient,
		prettyErrors: true,
	});
	const [error] = document.errors;
	if (error) {
		const firstLine = error.message.split('\n')[0] ?? '';

		throw new UsageError(
			`${path} is not valid YAML or JSON: ${firstLine}`,
		);
	}

	return document.contents;
};

export const isConfigMap = (node: unknown): node is YAMLMap =>
	isMap(node);

/** The key names of a map, as text. */
export const mapKeys = (map: YAMLMap): string[] =>
	map.items.map(pair => scalarText(pair.key) ?? '');

/**
The value under `key`. With `ignoreCase`, keys match in any letter case,
as the Hysteria server reads its own configuration.
*/
export const mapValue = (
	map: YAMLMap,
	key: string,
	options: {readonly ignoreCase?: boolean} = {},
): unknown => {
	const wanted = options.ignoreCase ? key.toLowerCase() : key;
	let found: unknown;
	for (const pair of map.items) {
		const name = scalarText(pair.key) ?? '';
		const compared = options.ignoreCase ? name.toLowerCase() : name;
		if (compared === wanted) {
			// Later keys win, as in the server.
			found = pair.value ?? null;
		}
	}

	return found;
};

/**
A scalar as text: strings as they are, numbers and booleans as written in
the file, null (or an empty value) as ''. Undefined for maps and lists.
*/
export const scalarText = (node: unknown): string | undefined => {
	if (node === null) {
		return '';
	}

	if (!isScalar(node)) {
		return undefined;
	}

	const {value} = node;
	if (value === null || value === undefined) {
		return '';
	}

	if (typeof value === 'string') {
		return value;
	}

	return node.source ?? String(value);
};
