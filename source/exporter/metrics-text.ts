// The Prometheus text exposition format, version 0.0.4.

export const metricsContentType = 'text/plain; version=0.0.4; charset=utf-8';

export type MetricType = 'counter' | 'gauge';

/** Label names and values, in the order they are written. */
export type Labels = ReadonlyArray<readonly [name: string, value: string]>;

export type Sample = {
	readonly labels: Labels;
	readonly value: number;
};

export type MetricFamily = {
	readonly name: string;
	readonly help: string;
	readonly type: MetricType;
	readonly samples: readonly Sample[];
};

const loneSurrogate =
	/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
The text with each lone surrogate replaced by U+FFFD. A lone surrogate has
no UTF-8 form, and the format is UTF-8; JSON escapes can put one in a user
id.
*/
export const toWellFormed = (text: string): string =>
	text.replace(loneSurrogate, '\uFFFD');

const labelEscapes: Readonly<Record<string, string>> = {
	'\\': '\\\\',
	'"': '\\"',
	'\n': '\\n',
};

/**
A label value as the format writes it between double quotes: backslash,
double quote and line feed escaped; every other character kept as UTF-8.
*/
export const escapeLabelValue = (text: string): string =>
	toWellFormed(text).replace(
		/[\\"\n]/g,
		character => labelEscapes[character] ?? character,
	);

// HELP text escapes only backslash and line feed.
const escapeHelp = (text: string): string =>
	text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

export const formatSampleValue = (value: number): string => {
	if (Number.isNaN(value)) {
		return 'NaN';
	}

	if (value === Number.POSITIVE_INFINITY) {
		return '+Inf';
	}

	if (value === Number.NEGATIVE_INFINITY) {
		return '-Inf';
	}

	return String(value);
};

const formatLabels = (labels: Labels): string => {
	if (labels.length === 0) {
		return '';
	}

	const pairs = labels.map(
		([name, value]) => `${name}="${escapeLabelValue(value)}"`,
	);

	return `{${pairs.join(',')}}`;
};

/**
The whole exposition: HELP and TYPE lines, then the samples, for each family
that has samples. Ends with a line feed, as the format requires.
*/
export const renderMetrics = (families: readonly MetricFamily[]): string => {
	const lines: string[] = [];
	for (const family of families) {
		if (family.samples.length === 0) {
			continue;
		}

		lines.push(
			`# HELP ${family.name} ${escapeHelp(family.help)}`,
			`# TYPE ${family.name} ${family.type}`,
		);
		for (const sample of family.samples) {
			const labels = formatLabels(sample.labels);
			lines.push(
				`${family.name}${labels} ${formatSampleValue(sample.value)}`,
			);
		}
	}

	return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
