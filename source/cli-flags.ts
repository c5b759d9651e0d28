import {UsageError} from './options.js';

export const helpText = `
	Usage
	  $ hytop [options]              watch Hysteria servers live
	  $ hytop --demo                 watch a simulated server (no Hysteria needed)
	  $ hytop serve-demo [options]   run the simulated stats server alone
	  $ hytop export [options]       serve Prometheus metrics for the servers

	Monitor options
	  --url URL            Traffic Stats API address; repeat for several servers
	                       (default: this host's Hysteria configuration, else
	                       http://127.0.0.1:9999)
	  --config-file PATH   YAML or JSON file listing servers
	  --hysteria-config PATH  read a Hysteria server configuration
	  --secret-file PATH   file holding the API secret (or set HYTOP_SECRET)
	  --secret SECRET      the secret itself (visible in the process list)
	  --interval SECONDS   time between polls (default 1)
	  --timeout SECONDS    time a request may take (default 5)
	  --read-only          disable kick and clear
	  --ledger PATH        where a clear appends the cleared totals
	                       (default ~/.local/state/hytop/ledger.jsonl)
	  --max-body-mb N      largest answer accepted, in MiB (default 64)
	  --once               print one snapshot and exit (no terminal needed)
	  --json               with --once: print JSON
	  --demo               monitor an embedded simulated server
	  --seed N             with --demo: which simulated run to play (default 1)

	export options (with --url, --config-file, --hysteria-config, --secret-file,
	--secret, --interval (default 5) and --timeout)
	  --listen HOST:PORT   address of /metrics (default 127.0.0.1:9464)
	  --allow-remote       allow a listen address other than loopback

	serve-demo options
	  --listen HOST:PORT   address to bind (default 127.0.0.1:9999)
	  --secret SECRET      require this secret (or set HYTOP_SECRET)
	  --users N            simulated users (default 40)
	  --streams N          open streams to aim for
	  --seed N             which simulated run to play (default 1)
	  --fault SPEC         misbehave on purpose, e.g. hang:streams,html-500:online
	  --hostile-names      user ids and addresses full of control characters

	Keys: arrows move, Tab switches pane, / filters, Enter zooms, k kicks,
	c clears, p pauses, ? lists every key, q quits.
`;

export const flagSpecs = {
	url: {type: 'string', isMultiple: true},
	configFile: {type: 'string'},
	hysteriaConfig: {type: 'string'},
	ledger: {type: 'string'},
	maxBodyMb: {type: 'number'},
	secretFile: {type: 'string'},
	secret: {type: 'string'},
	interval: {type: 'number'},
	timeout: {type: 'number'},
	demo: {type: 'boolean'},
	readOnly: {type: 'boolean'},
	once: {type: 'boolean'},
	json: {type: 'boolean'},
	listen: {type: 'string'},
	users: {type: 'number'},
	streams: {type: 'number'},
	seed: {type: 'number'},
	fault: {type: 'string'},
	hostileNames: {type: 'boolean'},
	allowRemote: {type: 'boolean'},
} as const;

type FlagName = keyof typeof flagSpecs;

const serverFlags: readonly FlagName[] = [
	'url',
	'configFile',
	'hysteriaConfig',
	'secretFile',
	'secret',
	'interval',
	'timeout',
];

/** The flags each command takes; any other is a mistake worth saying. */
const flagsOf: Readonly<Record<'monitor' | 'serve-demo' | 'export', readonly FlagName[]>> = {
	monitor: [
		...serverFlags,
		'demo',
		'seed',
		'readOnly',
		'once',
		'json',
		'ledger',
		'maxBodyMb',
	],
	'serve-demo': [
		'listen',
		'secret',
		'users',
		'streams',
		'seed',
		'fault',
		'hostileNames',
	],
	export: [...serverFlags, 'listen', 'allowRemote'],
};

const dashed = (name: string) =>
	`--${name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)}`;

const camelCased = (name: string) =>
	name.replaceAll(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The flag names on a command line, camel-cased, as meow names them. */
export const flagNamesIn = (argv: readonly string[]): string[] => {
	const names: string[] = [];
	for (const argument of argv) {
		if (argument === '--') {
			break;
		}

		const match = /^--(?:no-)?([^=]+)/.exec(argument);
		if (match?.[1]) {
			names.push(camelCased(match[1]));
		}
	}

	return names;
};

/**
Refuses flags hytop does not know, and flags the command does not take,
rather than silently ignoring what the operator meant.
*/
export const checkFlagNames = (
	command: 'monitor' | 'serve-demo' | 'export',
	names: readonly string[],
): void => {
	const allowed = new Set<string>([...flagsOf[command], 'help', 'version']);
	for (const name of names) {
		if (!(name in flagSpecs) && name !== 'help' && name !== 'version') {
			throw new UsageError(`unknown flag ${dashed(name)}`);
		}

		if (!allowed.has(name)) {
			const where =
				command === 'monitor' ? 'the monitor' : `hytop ${command}`;
			throw new UsageError(`${dashed(name)} does not apply to ${where}`);
		}
	}
};
