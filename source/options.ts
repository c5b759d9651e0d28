// Command-line flags in, one checked options object out. Nothing here touches
// the network or the terminal, so every rule is testable.

export const defaultUrl = 'http://127.0.0.1:9999';

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

export type MonitorOptions = {
	readonly command: 'monitor';
	/** Undefined in demo mode: the embedded server's address is used. */
	readonly url: string | undefined;
	readonly secretSource: SecretSource;
	readonly intervalMs: number;
	readonly timeoutMs: number;
	readonly isDemo: boolean;
	readonly isOnce: boolean;
	readonly isJson: boolean;
	readonly isReadOnly: boolean;
	readonly seed: number | undefined;
};

export type ServeDemoOptions = {
	readonly command: 'serve-demo';
	readonly host: string;
	readonly port: number;
	readonly secret: string | undefined;
	readonly users: number | undefined;
	readonly streams: number | undefined;
	readonly seed: number | undefined;
};

export type Options = MonitorOptions | ServeDemoOptions;

/** Where the secret comes from; it is read later, never kept in flags. */
export type SecretSource =
	| {readonly kind: 'none'}
	| {readonly kind: 'file'; readonly path: string}
	| {readonly kind: 'environment'}
	| {readonly kind: 'flag'; readonly value: string};

export type Flags = {
	readonly url?: string;
	readonly secretFile?: string;
	readonly secret?: string;
	readonly interval?: number;
	readonly timeout?: number;
	readonly demo?: boolean;
	readonly once?: boolean;
	readonly json?: boolean;
	readonly readOnly?: boolean;
	readonly listen?: string;
	readonly users?: number;
	readonly streams?: number;
	readonly seed?: number;
};

const checkUrl = (text: string): string => {
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new UsageError(
			`--url is not a URL: give one like ${defaultUrl}`,
		);
	}

	if (url.protocol !== 'http:') {
		throw new UsageError(
			'--url must start with http:// (the Traffic Stats API has no TLS)',
		);
	}

	return text;
};

const checkSeconds = (name: string, value: number, minimum: number) => {
	if (!Number.isFinite(value) || value < minimum || value > 3600) {
		throw new UsageError(
			`--${name} must be a number of seconds from ${minimum} to 3600`,
		);
	}

	return Math.round(value * 1000);
};

const checkCount = (name: string, value: number | undefined) => {
	if (value === undefined) {
		return undefined;
	}

	if (!Number.isInteger(value) || value < 0 || value > 10_000_000) {
		throw new UsageError(`--${name} must be a whole number, 0 or more`);
	}

	return value;
};

/** `host:port`, `[::1]:port` or `:port` (which means loopback here). */
export const parseListen = (text: string): {host: string; port: number} => {
	const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text);
	const port = Number(match?.[3]);
	if (!match || port > 65_535) {
		throw new UsageError(
			'--listen must be host:port, such as 127.0.0.1:9999 or [::1]:9999',
		);
	}

	const host = match[1] ?? match[2] ?? '';
	return {host: host === '' ? '127.0.0.1' : host, port};
};

const pickSecretSource = (
	flags: Flags,
	environment: NodeJS.ProcessEnv,
): SecretSource => {
	const given = [
		flags.secretFile !== undefined,
		flags.secret !== undefined,
	].filter(Boolean).length;
	if (given > 1) {
		throw new UsageError('give either --secret-file or --secret, not both');
	}

	if (flags.secretFile !== undefined) {
		return {kind: 'file', path: flags.secretFile};
	}

	if (flags.secret !== undefined) {
		return {kind: 'flag', value: flags.secret};
	}

	return environment['HYTOP_SECRET']
		? {kind: 'environment'}
		: {kind: 'none'};
};

/** Checks the flags of one invocation and resolves their defaults. */
export const parseOptions = (
	input: readonly string[],
	flags: Flags,
	environment: NodeJS.ProcessEnv,
): Options => {
	const [command, ...rest] = input;
	if (rest.length > 0 || (command && command !== 'serve-demo')) {
		throw new UsageError(
			`unexpected argument "${input.join(' ')}": ` +
				'the only command is serve-demo',
		);
	}

	if (command === 'serve-demo') {
		const {host, port} = parseListen(flags.listen ?? '127.0.0.1:9999');
		return {
			command: 'serve-demo',
			host,
			port,
			secret: flags.secret ?? environment['HYTOP_SECRET'] ?? undefined,
			users: checkCount('users', flags.users),
			streams: checkCount('streams', flags.streams),
			seed: checkCount('seed', flags.seed),
		};
	}

	if (flags.demo && flags.url !== undefined) {
		throw new UsageError('--demo monitors its own server: drop --url');
	}

	if (flags.json && !flags.once) {
		throw new UsageError('--json goes with --once');
	}

	return {
		command: 'monitor',
		url: flags.demo ? undefined : checkUrl(flags.url ?? defaultUrl),
		secretSource: flags.demo
			? {kind: 'none'}
			: pickSecretSource(flags, environment),
		intervalMs: checkSeconds('interval', flags.interval ?? 1, 0.2),
		timeoutMs: checkSeconds('timeout', flags.timeout ?? 5, 0.1),
		isDemo: flags.demo ?? false,
		isOnce: flags.once ?? false,
		isJson: flags.json ?? false,
		isReadOnly: flags.readOnly ?? false,
		seed: checkCount('seed', flags.seed),
	};
};
