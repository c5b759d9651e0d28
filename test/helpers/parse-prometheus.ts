import {createRequire} from 'node:module';

/** A metric family as parse-prometheus-text-format gives it. */
export type ParsedFamily = {
	readonly name: string;
	readonly help: string;
	readonly type: string;
	readonly metrics: ReadonlyArray<{
		readonly value: string;
		readonly labels?: Readonly<Record<string, string>>;
	}>;
};

// The parser ships CommonJS without types.
const require = createRequire(import.meta.url);

/** Prometheus text format, read by a parser that is not hytop's own. */
export const parsePrometheus = require('parse-prometheus-text-format') as (
	text: string,
) => ParsedFamily[];
