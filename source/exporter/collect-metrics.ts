import type {StreamState} from '../api/types.js';
import type {MetricFamily, Sample} from './metrics-text.js';
import {toWellFormed} from './metrics-text.js';
import type {ServerSnapshot} from './server-scrape.js';

const streamStates: readonly StreamState[] = [
	'init',
	'hook',
	'connect',
	'estab',
	'closed',
	'unknown',
];

// Microseconds are plenty, and spare the reader 0.002049541999999974.
const toSeconds = (ms: number): number => Math.round(ms * 1000) / 1_000_000;

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
Adds up values per user id as the exposition will write it. Two ids that
differ only in lone surrogates become the same label value, and a label set
may appear only once.
*/
const sumByUser = <T>(
	entries: Iterable<readonly [string, T]>,
	valueOf: (entry: T) => number,
): Array<[string, number]> => {
	const sums = new Map<string, number>();
	for (const [userId, entry] of entries) {
		const user = toWellFormed(userId);
		sums.set(user, (sums.get(user) ?? 0) + valueOf(entry));
	}

	return [...sums].sort(([a], [b]) => byText(a, b));
};

const userSamples = <T>(
	snapshots: readonly ServerSnapshot[],
	entriesOf: (
		snapshot: ServerSnapshot,
	) => Iterable<readonly [string, T]> | undefined,
	valueOf: (entry: T) => number,
): Sample[] =>
	snapshots.flatMap(snapshot =>
		sumByUser(entriesOf(snapshot) ?? [], valueOf).map(([user, value]) => ({
			labels: [
				['server', snapshot.name],
				['user', user],
			] as const,
			value,
		})),
	);

const serverSamples = (
	snapshots: readonly ServerSnapshot[],
	valueOf: (snapshot: ServerSnapshot) => number | undefined,
): Sample[] =>
	snapshots.flatMap(snapshot => {
		const value = valueOf(snapshot);

		return value === undefined
			? []
			: [{labels: [['server', snapshot.name]] as const, value}];
	});

const streamSamples = (snapshots: readonly ServerSnapshot[]): Sample[] =>
	snapshots.flatMap(snapshot => {
		const counts = snapshot.streamCounts;

		return counts === undefined
			? []
			: streamStates.map(state => ({
					labels: [
						['server', snapshot.name],
						['state', state],
					] as const,
					value: counts.get(state) ?? 0,
				}));
	});

/** Every metric the exporter serves, from what it knows of each server. */
export const collectMetrics = (
	snapshots: readonly ServerSnapshot[],
): MetricFamily[] => [
	{
		name: 'hysteria_user_upload_bytes_total',
		help:
			"Bytes the user's clients uploaded (the API's tx), " +
			'counted across counter clears and server restarts.',
		type: 'counter',
		samples: userSamples(snapshots, s => s.totals, totals => totals.up),
	},
	{
		name: 'hysteria_user_download_bytes_total',
		help:
			"Bytes the user's clients downloaded (the API's rx), " +
			'counted across counter clears and server restarts.',
		type: 'counter',
		samples: userSamples(snapshots, s => s.totals, totals => totals.down),
	},
	{
		name: 'hysteria_user_online_devices',
		help: 'Client instances of the user connected now (GET /online).',
		type: 'gauge',
		samples: userSamples(snapshots, s => s.online, devices => devices),
	},
	{
		name: 'hysteria_streams',
		help: 'Open TCP proxy streams by state (GET /dump/streams).',
		type: 'gauge',
		samples: streamSamples(snapshots),
	},
	{
		name: 'hysteria_scrape_success',
		help:
			'1 when the last poll of every endpoint the server has ' +
			'succeeded, else 0.',
		type: 'gauge',
		samples: serverSamples(snapshots, s => (s.isUp ? 1 : 0)),
	},
	{
		name: 'hysteria_scrape_duration_seconds',
		help: 'How long the last GET /traffic took, answered or not.',
		type: 'gauge',
		samples: serverSamples(snapshots, s =>
			s.durationMs === undefined ? undefined : toSeconds(s.durationMs),
		),
	},
	{
		name: 'hysteria_counter_resets_total',
		help:
			"Times the server's traffic counters were seen going down " +
			'(a clear by any client, or a restart).',
		type: 'counter',
		samples: serverSamples(snapshots, s => s.resetCount),
	},
];
