import {defaultUrl, type SecretSource} from '../options.js';
import {readSecret} from '../read-secret.js';
import {readConfigFile} from './config-file.js';
import {
	defaultHysteriaConfigPaths,
	findHysteriaConfig,
	readHysteriaConfig,
} from './hysteria-config.js';
import {assignNames} from './server-names.js';
import {checkServerUrl} from './server-url.js';

/** One server to watch, ready for `createStatsClient`. */
export type ServerConfig = {
	/** Unique among the servers; shown and used as a metric label. */
	readonly name: string;
	readonly url: string;
	readonly secret: string | undefined;
};

export type LoadServersInput = {
	/** `--url`, as often as given. */
	readonly urls: readonly string[];
	/** `--config-file`: a YAML or JSON file listing `servers`. */
	readonly configFile?: string;
	/** `--hysteria-config`: a Hysteria server configuration to read. */
	readonly hysteriaConfig?: string;
	/**
	Where to look for a Hysteria configuration when no server is named.
	Default `defaultHysteriaConfigPaths`.
	*/
	readonly searchPaths?: readonly string[];
	/**
	The secret of the `--url` servers (and of the fallback default URL).
	Default: `HYTOP_SECRET` when set, else none.
	*/
	readonly urlSecretSource?: SecretSource;
	readonly environment: NodeJS.ProcessEnv;
	/** Receives warnings, such as a secret file others can read. */
	readonly warn: (message: string) => void;
};

type Unnamed = {
	readonly name: string | undefined;
	readonly url: string;
	readonly secret: string | undefined;
};

const urlSecret = async (input: LoadServersInput) => {
	const source: SecretSource =
		input.urlSecretSource ??
		(input.environment['HYTOP_SECRET']
			? {kind: 'environment'}
			: {kind: 'none'});

	return readSecret(source, input.environment, input.warn);
};

const fromConfigFile = async (
	path: string,
	input: LoadServersInput,
): Promise<Unnamed[]> => {
	const entries = await readConfigFile(path);
	const servers: Unnamed[] = [];
	for (const entry of entries) {
		const secret =
			entry.secretFile === undefined
				? undefined
				: // In order, so that warnings come in the file's order.
					// eslint-disable-next-line no-await-in-loop
					await readSecret(
						{kind: 'file', path: entry.secretFile},
						input.environment,
						input.warn,
					);
		servers.push({name: entry.name, url: entry.url, secret});
	}

	return servers;
};

/** With nothing named: the local Hysteria server, else the default URL. */
const fromThisHost = async (input: LoadServersInput): Promise<Unnamed> => {
	const found = await findHysteriaConfig(
		input.searchPaths ?? defaultHysteriaConfigPaths,
	);
	if (found) {
		return {name: undefined, url: found.url, secret: found.secret};
	}

	return {name: undefined, url: defaultUrl, secret: await urlSecret(input)};
};

/**
The servers to watch: those of the configuration file, then the `--url`
ones, then the one of `--hysteria-config`. When none is named, the Hysteria
configuration at the usual paths tells where this host's server listens.
Problems are UsageErrors whose message says what to change.
*/
export const loadServers = async (
	input: LoadServersInput,
): Promise<ServerConfig[]> => {
	const servers: Unnamed[] = [];
	if (input.configFile !== undefined) {
		servers.push(...(await fromConfigFile(input.configFile, input)));
	}

	if (input.urls.length > 0) {
		const urls = input.urls.map(url => checkServerUrl(url, '--url'));
		const secret = await urlSecret(input);
		servers.push(...urls.map(url => ({name: undefined, url, secret})));
	}

	if (input.hysteriaConfig !== undefined) {
		const access = await readHysteriaConfig(input.hysteriaConfig);
		servers.push({name: undefined, url: access.url, secret: access.secret});
	}

	if (servers.length === 0) {
		servers.push(await fromThisHost(input));
	}

	const names = assignNames(servers);

	return servers.map((server, index) => ({
		name: names[index] ?? server.url,
		url: server.url,
		secret: server.secret,
	}));
};
