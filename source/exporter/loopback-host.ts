import {isIPv4} from 'node:net';

/** Whether a listen host is reachable from this machine only. */
export const isLoopbackHost = (host: string): boolean => {
	const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();

	return (
		bare === 'localhost' ||
		bare === '::1' ||
		(isIPv4(bare) && bare.startsWith('127.')) ||
		/^::ffff:127\./.test(bare)
	);
};
