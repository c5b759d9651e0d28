import assert from 'node:assert/strict';
import {test} from 'node:test';

import {listenToUrl} from '../source/config/listen-address.js';
import {UsageError} from '../source/options.js';

const where = 'trafficStats.listen in /etc/hysteria/config.yaml';

test('listen address - an empty or any-address IPv4 host means loopback', () => {
	assert.equal(listenToUrl(':9999', where), 'http://127.0.0.1:9999');
	assert.equal(listenToUrl('0.0.0.0:9999', where), 'http://127.0.0.1:9999');
});

test('listen address - the IPv6 any address means [::1]', () => {
	assert.equal(listenToUrl('[::]:9999', where), 'http://[::1]:9999');
	assert.equal(listenToUrl('[::1]:8080', where), 'http://[::1]:8080');
});

test('listen address - a specific host is kept', () => {
	assert.equal(listenToUrl('10.0.0.5:9999', where), 'http://10.0.0.5:9999');
	assert.equal(listenToUrl('localhost:9999', where), 'http://localhost:9999');
});

test('listen address - refuses what is not host:port, saying how to write it', () => {
	for (const listen of ['9999', ':::9999', '127.0.0.1:', 'a:http']) {
		assert.throws(() => listenToUrl(listen, where), UsageError, listen);
	}

	assert.throws(
		() => listenToUrl('127.0.0.1:99999', where),
		(error: Error) =>
			error.message.includes(
				'trafficStats.listen in /etc/hysteria/config.yaml is "127.0.0.1:99999"',
			) && error.message.includes('write it like 127.0.0.1:9999 or :9999'),
	);
});
