/** Where requests go, parsed from the server URL. */
export type ServerTarget = {
	readonly origin: string;
	readonly basePath: string;
	/** What `url` shows: no credentials, no trailing slash. */
	readonly displayUrl: string;
	/** Strings that must never appear in a message. */
	readonly secrets: readonly string[];
};

const safeDecode = (text: string): string => {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
};

/** Throws a message that never repeats the URL, which may hold credentials. */
export const parseServerTarget = (rawUrl: string): ServerTarget => {
	let url: URL;
	try {
		url = new URL(rawUrl);
	} catch {
		// The input is not repeated: it may hold credentials.
		throw new Error(
			'invalid server URL: expected something like http://127.0.0.1:9999',
		);
	}

	if (url.protocol !== 'http:') {
		throw new Error(
			`unsupported server URL scheme "${url.protocol}": the traffic stats API is plain http:`,
		);
	}

	const secrets = [url.username, url.password]
		.flatMap(part => [part, safeDecode(part)])
		.filter(part => part.length > 0);
	const basePath = url.pathname.replace(/\/+$/, '');

	return {
		origin: url.origin,
		basePath,
		displayUrl: `${url.origin}${basePath}`,
		secrets,
	};
};
