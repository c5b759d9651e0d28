import assert from 'node:assert/strict';
import {test} from 'node:test';

import {collectMetrics} from '../source/exporter/collect-metrics.js';
import {
	escapeLabelValue,
	type MetricFamily,
	renderMetrics,
} from '../source/exporter/metrics-text.js';
import type {ServerSnapshot} from '../source/exporter/server-scrape.js';
import {parsePrometheus} from './helpers/parse-prometheus.js';

// User ids are whatever the authentication backend allows.
const hostileIds = [
	'plain',
	'quote"d',
	'back\\slash',
	'line\nbreak',
	'carriage\rreturn',
	'\\n literally',
	'田中 さくら',
	'zoë 🚀',
	'\u0007bell\u202Eevil',
	'  spaced  ',
	'{braces}=,#',
	'',
];

const snapshot = (overrides: Partial<ServerSnapshot>): ServerSnapshot => ({
	name: 'alpha',
	isUp: true,
	durationMs: 12,
	totals: new Map(),
	resetCount: 0,
	online: undefined,
	streamCounts: undefined,
	...overrides,
});

test('label escaping - escapes backslash, double quote and line feed only', () => {
	assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
	assert.equal(escapeLabelValue('田中\t🚀\r'), '田中\t🚀\r');
});

test('label escaping - a lone surrogate becomes U+FFFD', () => {
	assert.equal(escapeLabelValue('a\uD800b'), 'a\uFFFDb');
	assert.equal(escapeLabelValue('\uDC00🚀'), '\uFFFD🚀');
});

test('metrics text - hostile user ids come back intact from the parser', () => {
	const totals = new Map(
		hostileIds.map((id, index) => [id, {up: index, down: index * 2}]),
	);
	const text = renderMetrics(collectMetrics([snapshot({totals})]));

	const upload = parsePrometheus(text).find(
		family => family.name === 'hysteria_user_upload_bytes_total',
	);
	const parsed = new Map(
		upload?.metrics.map(metric => [metric.labels?.['user'], metric.value]),
	);

	assert.deepEqual(
		[...parsed.keys()].sort(),
		[...hostileIds].sort(),
	);
	assert.equal(parsed.get('line\nbreak'), '3');
});

test('metrics text - every family has HELP and TYPE and the text ends in a line feed', () => {
	const text = renderMetrics(
		collectMetrics([
			snapshot({
				totals: new Map([['u', {up: 1, down: 2}]]),
				online: new Map([['u', 3]]),
				streamCounts: new Map([['estab', 4]]),
			}),
		]),
	);

	assert.ok(text.endsWith('\n'));
	assert.deepEqual(
		parsePrometheus(text).map(family => [family.name, family.type]),
		[
			['hysteria_user_upload_bytes_total', 'COUNTER'],
			['hysteria_user_download_bytes_total', 'COUNTER'],
			['hysteria_user_online_devices', 'GAUGE'],
			['hysteria_streams', 'GAUGE'],
			['hysteria_scrape_success', 'GAUGE'],
			['hysteria_scrape_duration_seconds', 'GAUGE'],
			['hysteria_counter_resets_total', 'COUNTER'],
		],
	);
});

test('metrics text - leaves out families without samples', () => {
	const families: MetricFamily[] = [
		{name: 'a_total', help: 'A.', type: 'counter', samples: []},
		{
			name: 'b',
			help: 'B \\ and\nC.',
			type: 'gauge',
			samples: [{labels: [], value: 0.5}],
		},
	];

	assert.equal(
		renderMetrics(families),
		'# HELP b B \\\\ and\\nC.\n# TYPE b gauge\nb 0.5\n',
	);
});

test('collect metrics - ids that meet after U+FFFD replacement are added up', () => {
	const totals = new Map([
		['x\uD800', {up: 1, down: 10}],
		['x\uDBFF', {up: 2, down: 20}],
	]);
	const text = renderMetrics(collectMetrics([snapshot({totals})]));

	const download = parsePrometheus(text).find(
		family => family.name === 'hysteria_user_download_bytes_total',
	);

	assert.equal(download?.metrics.length, 1);
	assert.deepEqual(download?.metrics[0], {
		value: '30',
		labels: {server: 'alpha', user: 'x\uFFFD'},
	});
});

test('collect metrics - a server without stream data has no stream gauges', () => {
	const text = renderMetrics(
		collectMetrics([
			snapshot({streamCounts: new Map([['init', 1]])}),
			snapshot({name: 'old'}),
		]),
	);
	const streams = parsePrometheus(text).find(
		family => family.name === 'hysteria_streams',
	);

	assert.equal(streams?.metrics.length, 6);
	assert.ok(streams?.metrics.every(m => m.labels?.['server'] === 'alpha'));
});
