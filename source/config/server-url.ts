import {defaultUrl, UsageError} from '../options.js';

/** Checks a server URL; `where` names its origin in the message. */
export const checkServerUrl = (text: string, where: string): string => {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		// The text is not repeated: it may hold credentials.
		throw new UsageError(
			`${where} is not a URL: give one like ${defaultUrl}`,
		);
	}

	if (url.protocol !== 'http:') {
		throw new UsageError(
			`${where} must start with http:// (the Traffic Stats API has no TLS)`,
		);
	}

	if (url.username !== '' || url.password !== '') {
		throw new UsageError(
			`${where} must not hold a user name or password: the Traffic Stats ` +
				'API takes its secret from --secret-file or HYTOP_SECRET',
		);
	}

	return text;
};

/** A server's name when none is given: its host and port. */
export const nameFromUrl = (text: string): string => {
	const url = new URL(text);
	const port = url.port === '' ? '80' : url.port;

	return `${url.hostname}:${port}`;
};
