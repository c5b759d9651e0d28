import {createHash, timingSafeEqual} from 'node:crypto';
import type {IncomingMessage} from 'node:http';
import {isIPv4} from 'node:net';

/**
Returns a check of the `Authorization` header against the secret. Digests
make the compared buffers equal in length, so the time taken tells nothing
about the secret. Header values arrive as latin1; comparing their bytes with
the secret's UTF-8 bytes matches Go's byte-wise comparison.
*/
export const createSecretCheck = (
	secret: string,
): ((request: IncomingMessage) => boolean) => {
	const digest = (bytes: Buffer): Buffer =>
		createHash('sha256').update(bytes).digest();
	const expected = digest(Buffer.from(secret, 'utf8'));

	return request => {
		const given = Buffer.from(request.headers.authorization ?? '', 'latin1');

		return timingSafeEqual(digest(given), expected);
	};
};

/** Whether a listen address is reachable from this machine only. */
export const isLoopbackHost = (host: string): boolean =>
	host === 'localhost' ||
	host === '::1' ||
	(isIPv4(host) && host.startsWith('127.')) ||
	/^::ffff:127\./i.test(host);
