import assert from 'node:assert/strict';
import {test} from 'node:test';

import {
	defaultUrl,
	parseListen,
	parseOptions,
	UsageError,
} from '../source/options.js';

test('options - names no server when no flag does (found later)', () => {
	const options = parseOptions([], {}, {});
	assert.equal(options.command, 'monitor');
	assert.deepEqual(options.command === 'monitor' && options.urls, []);
});

test('options - --url may be given several times', () => {
	const options = parseOptions([], {url: [defaultUrl, 'http://[::1]:9998']}, {});
	assert.equal(options.command === 'monitor' && options.urls.length, 2);
});

test('options - interval is taken in seconds and kept in milliseconds', () => {
	const options = parseOptions([], {interval: 2.5}, {});
	assert.equal(options.command === 'monitor' && options.intervalMs, 2500);
});

test('options - rejects a zero or absurd interval', () => {
	assert.throws(() => parseOptions([], {interval: 0}, {}), UsageError);
	assert.throws(() => parseOptions([], {interval: Number.NaN}, {}), UsageError);
});

test('options - rejects a URL that is not http', () => {
	assert.throws(
		() => parseOptions([], {url: ['https://127.0.0.1:9999']}, {}),
		/must start with http:\/\//,
	);
	assert.throws(() => parseOptions([], {url: ['nonsense']}, {}), UsageError);
});

test('options - secret comes from the environment when no flag names one', () => {
	const options = parseOptions([], {}, {HYTOP_SECRET: 's3'});
	assert.deepEqual(
		options.command === 'monitor' && options.secretSource,
		{kind: 'environment'},
	);
});

test('options - a secret file wins over the environment', () => {
	const options = parseOptions(
		[],
		{secretFile: '/tmp/x'},
		{HYTOP_SECRET: 's3'},
	);
	assert.deepEqual(
		options.command === 'monitor' && options.secretSource,
		{kind: 'file', path: '/tmp/x'},
	);
});

test('options - --json without --once is a usage error', () => {
	assert.throws(() => parseOptions([], {json: true}, {}), /--once/);
});

test('options - unknown commands are usage errors', () => {
	assert.throws(() => parseOptions(['serve'], {}, {}), UsageError);
	assert.throws(() => parseOptions(['serve-demo', 'x'], {}, {}), UsageError);
});

test('options - serve-demo binds loopback by default', () => {
	const options = parseOptions(['serve-demo'], {}, {});
	assert.equal(options.command === 'serve-demo' && options.host, '127.0.0.1');
	assert.equal(options.command === 'serve-demo' && options.port, 9999);
});

test('options - listen addresses parse with IPv6 brackets and bare ports', () => {
	assert.deepEqual(parseListen('[::1]:9000'), {host: '::1', port: 9000});
	assert.deepEqual(parseListen(':9000'), {host: '127.0.0.1', port: 9000});
	assert.throws(() => parseListen('127.0.0.1'), UsageError);
	assert.throws(() => parseListen('127.0.0.1:70000'), UsageError);
});
