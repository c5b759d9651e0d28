// Command-line flags in, one checked options object out. Nothing here touches
// the network or the terminal, so every rule is testable.

import {checkServerUrl} from './config/server-url.js';
import {type Fault, parseFaultSpec} from './demo/faults.js';

export const defaultUrl = 'http://127.0.0.1:9999';

export class UsageError extends Error {
	override readonly name = 'UsageError';
}

export type MonitorOptions = {
	readonly command: 'monitor';
	/** `--url`, as often as given; none in demo mode. */
	readonly urls: readonly string[];
	readonly configFile: string | undefined;
	readonly hysteriaConfig: string | undefined;
	/** The secret of the `--url` servers. */
	readonly secretSource: SecretSource;
	/** Where cleared totals are appended; undefined for the default. */
	readonly ledgerPath: string | undefined;
	readonly maxBodyBytes: number;
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
	/** Misbehaviour on purpose, for tests: see `parseFaultSpec`. */
	readonly faults: readonly Fault[];
	readonly hasHostileNames: boolean;
};

export type ExportOptions = {
	readonly command: 'export';
	readonly host: string;
	readonly port: number;
	readonly isRemoteAllowed: boolean;
	readonly urls: readonly string[];
	readonly configFile: string | undefined;
	readonly hysteriaConfig: string | undefined;
	readonly secretSource: SecretSource;
	readonly intervalMs: number;
	readonly timeoutMs: number;
};

export type Options = MonitorOptions | ServeDemoOptions | ExportOptions;

/** Where the secret comes from; it is read later, never kept in flags. */
export type SecretSource =
	| {readonly kind: 'none'}
	| {readonly kind: 'file'; readonly path: string}
	| {readonly kind: 'environment'}
	| {readonly kind: 'flag'; readonly value: string};

export type Flags = {
	readonly url?: readonly string[];
	readonly configFile?: string;
	readonly hysteriaConfig?: string;
	readonly ledger?: string;
	readonly maxBodyMb?: number;
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
	readonly fault?: string;
	readonly hostileNames?: boolean;
	readonly allowRemote?: boolean;
};

const checkUrl = (text: string): string => checkServerUrl(text, '--url');

const checkSeconds = (name: string, value: number, minimum: number) => {
	if (!Number.isFinite(value) || value < minimum || value > 3600) {
		throw new UsageError(
			`--${name} must be a number of seconds from ${minimum} to 3600`,
		);
	}

	return Math.round(value * 1000);
};

const parseFaults = (spec: string | undefined): readonly Fault[] => {
	if (spec === undefined) {
		return [];
	}

	try {
		return parseFaultSpec(spec);
	} catch (error) {
		throw new UsageError(`--fault: ${(error as Error).message}`);
	}
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
	const isKnown = command === 'serve-demo' || command === 'export';
	if (rest.length > 0 || (command && !isKnown)) {
		throw new UsageError(
			`unexpected argument "${input.join(' ')}": ` +
				'the commands are serve-demo and export',
		);
	}

	if (command === 'export') {
		const {host, port} = parseListen(flags.listen ?? '127.0.0.1:9464');
		return {
			command: 'export',
			host,
			port,
			isRemoteAllowed: flags.allowRemote ?? false,
			urls: (flags.url ?? []).map(checkUrl),
			configFile: flags.configFile,
			hysteriaConfig: flags.hysteriaConfig,
			secretSource: pickSecretSource(flags, environment),
			intervalMs: checkSeconds('interval', flags.interval ?? 5, 0.2),
			timeoutMs: checkSeconds('timeout', flags.timeout ?? 5, 0.1),
		};
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
			faults: parseFaults(flags.fault),
			hasHostileNames: flags.hostileNames ?? false,
		};
	}

	const urls = flags.url ?? [];
	const isNamingServers =
		urls.length > 0 ||
		flags.configFile !== undefined ||
		flags.hysteriaConfig !== undefined;
	if (flags.demo && isNamingServers) {
		throw new UsageError(
			'--demo monitors its own server: drop --url, --config-file ' +
				'and --hysteria-config',
		);
	}

	const maxBodyMb = flags.maxBodyMb ?? 64;
	if (!Number.isFinite(maxBodyMb) || maxBodyMb < 1 || maxBodyMb > 4096) {
		throw new UsageError('--max-body-mb must be a number from 1 to 4096');
	}

	if (flags.json && !flags.once) {
		throw new UsageError('--json goes with --once');
	}

	return {
		command: 'monitor',
		urls: flags.demo ? [] : urls.map(checkUrl),
		configFile: flags.configFile,
		hysteriaConfig: flags.hysteriaConfig,
		ledgerPath: flags.ledger,
		maxBodyBytes: Math.round(maxBodyMb * 1024 * 1024),
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
