import type {StatsClient} from '../../source/api/client-contract.js';
import type {ByteCounter, StreamEntry} from '../../source/api/types.js';

/** A server held in memory: tests change it and read what was sent. */
export type FakeServer = {
	traffic: Map<string, ByteCounter>;
	online: Map<string, number>;
	streams: StreamEntry[];
	readonly kicks: string[][];
	clears: number;
	/** Make every call fail with this, until set back to undefined. */
	failWith: Error | undefined;
	/** Bytes each user's counters grow by at every /traffic answer. */
	growth: Map<string, number>;
};

export const createFakeClient = (
	server: Partial<FakeServer> = {},
): {client: StatsClient; server: FakeServer} => {
	const state: FakeServer = {
		traffic: new Map(),
		online: new Map(),
		streams: [],
		kicks: [],
		clears: 0,
		failWith: undefined,
		growth: new Map(),
		...server,
	};
	const answer = async <T>(value: () => T): Promise<T> => {
		if (state.failWith) {
			throw state.failWith;
		}

		return value();
	};

	const client: StatsClient = {
		url: 'http://127.0.0.1:9999',
		async traffic(options) {
			return answer(() => {
				for (const [id, bytes] of state.growth) {
					const counter = state.traffic.get(id) ?? {tx: 0, rx: 0};
					state.traffic.set(id, {
						tx: counter.tx + bytes,
						rx: counter.rx + bytes,
					});
				}

				const snapshot = new Map(state.traffic);
				if (options?.clear) {
					state.clears++;
					state.traffic = new Map();
				}

				return snapshot;
			});
		},
		async online() {
			return answer(() => new Map(state.online));
		},
		async streams() {
			return answer(() => [...state.streams]);
		},
		async kick(userIds) {
			return answer(() => {
				state.kicks.push([...userIds]);
			});
		},
		async close() {},
	};
	return {client, server: state};
};

export const streamEntry = (
	overrides: Partial<StreamEntry> = {},
): StreamEntry => ({
	state: 'estab',
	auth: 'alice',
	connection: 1,
	stream: 4,
	reqAddr: 'example.com:443',
	hookedReqAddr: '',
	tx: 100,
	rx: 200,
	initialAtMs: Date.now() - 5000,
	lastActiveAtMs: Date.now() - 1000,
	...overrides,
});
