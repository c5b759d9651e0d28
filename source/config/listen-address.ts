import {UsageError} from '../options.js';

const example = 'write it like 127.0.0.1:9999 or :9999';

const splitHostPort = (
	listen: string,
): {host: string; port: string} | undefined => {
	const bracketed = /^\[([^\]]*)\]:([^:]*)$/.exec(listen);
	if (bracketed) {
		return {host: bracketed[1] ?? '', port: bracketed[2] ?? ''};
	}

	const plain = /^([^:[\]]*):([^:]*)$/.exec(listen);
	if (plain) {
		return {host: plain[1] ?? '', port: plain[2] ?? ''};
	}

	return undefined;
};

// A server listening on every address is reachable on loopback, which is
// the one address sure to work from the same host.
const connectHost = (host: string): string => {
	if (host === '' || host === '0.0.0.0') {
		return '127.0.0.1';
	}

	if (host === '::') {
		return '[::1]';
	}

	return host.includes(':') ? `[${host}]` : host;
};

/**
The URL to reach a Traffic Stats API that listens on `listen` (the
`trafficStats.listen` value, in Go's host:port form), from the same host.
`where` names the setting in error messages.
*/
export const listenToUrl = (listen: string, where: string): string => {
	const parts = splitHostPort(listen.trim());
	const port = Number(parts?.port);
	if (
		!parts ||
		!/^\d{1,5}$/.test(parts.port) ||
		port < 1 ||
		port > 65_535
	) {
		throw new UsageError(
			`${where} is "${listen}", which is not host:port: ${example}`,
		);
	}

	const url = `http://${connectHost(parts.host)}:${port}`;
	try {
		// Catches hosts no URL can hold, such as ones with spaces.
		void new URL(url);
	} catch {
		throw new UsageError(
			`${where} is "${listen}", whose host is not usable: ${example}`,
		);
	}

	return url;
};
