import type {StreamState} from '../api/types.js';
import {compareCodePoints} from './code-point-order.js';
import type {
	OnlineEntry,
	StatsStoreOptions,
	StoreConnection,
	StoreStream,
	TrafficEntry,
} from './store-records.js';

export type {
	OnlineEntry,
	StatsStoreOptions,
	StoreConnection,
	StoreStream,
	TrafficEntry,
} from './store-records.js';

type Writable<T> = {-readonly [K in keyof T]: T[K]};
type StreamRecord = Writable<StoreStream>;

type ConnectionRecord = Writable<StoreConnection> & {
	/** In ascending stream id order, as ids only grow. */
	readonly streams: Map<number, StreamRecord>;
	nextStreamId: number;
};

type Counter = {tx: number; rx: number};

// Stream handles go out read-only so that callers cannot bypass the kick
// rules; the store writes them through this.
const writableStream = (stream: StoreStream): StreamRecord => stream;

// QUIC client-initiated bidirectional stream ids; 0 carries authentication.
const firstStreamId = 4;
const streamIdStep = 4;

/** Wall-clock milliseconds with sub-millisecond digits. */
export const preciseNowMs = (): number =>
	performance.timeOrigin + performance.now();

/**
The state of a Traffic Stats server: per-user counters, devices, the kick set
and the live streams, with the rules of the real server for how they interact.
The simulator writes it; the HTTP layer reads it.
*/
export class StatsStore {
	readonly now: () => number;
	#traffic = new Map<string, Counter>();
	#sortedTrafficIds: string[] | undefined;
	#kicks = new Set<string>();
	#connectionsByUser = new Map<string, Map<number, ConnectionRecord>>();
	#sortedOnlineIds: string[] | undefined;
	#connectionCount = 0;

	constructor(options: StatsStoreOptions = {}) {
		this.now = options.now ?? preciseNowMs;
	}

	/**
	The counters in key order. With `clear`, the map is emptied in the same
	step, so the caller holds the only copy of what was counted.
	*/
	traffic(options: {readonly clear?: boolean} = {}): TrafficEntry[] {
		this.#sortedTrafficIds ??= [...this.#traffic.keys()].sort(
			compareCodePoints,
		);
		const entries = this.#sortedTrafficIds.map(userId => {
			const counter = this.#traffic.get(userId) ?? {tx: 0, rx: 0};

			return {userId, tx: counter.tx, rx: counter.rx};
		});
		if (options.clear) {
			this.#traffic = new Map();
			this.#sortedTrafficIds = undefined;
		}

		return entries;
	}

	/** Devices per user, in key order; users without devices are absent. */
	online(): OnlineEntry[] {
		return this.#onlineIds().map(userId => ({
			userId,
			devices: this.#connectionsByUser.get(userId)?.size ?? 0,
		}));
	}

	/** Puts each id in the kick set once, however often it is repeated. */
	kick(userIds: readonly string[]): void {
		for (const userId of userIds) {
			this.#kicks.add(userId);
		}
	}

	/** Whether a kick for this user waits for the user's next byte. */
	hasPendingKick(userId: string): boolean {
		return this.#kicks.has(userId);
	}

	/**
	The open streams sorted by user, connection and stream. Only the users
	are sorted here: connections are few per user, and streams are kept in
	id order as they open.
	*/
	streams(): StoreStream[] {
		const streams: StoreStream[] = [];
		for (const userId of this.#onlineIds()) {
			const connections = this.#connectionsByUser.get(userId);
			const ordered = [...(connections?.values() ?? [])].sort(
				(a, b) => a.id - b.id,
			);
			for (const connection of ordered) {
				for (const stream of connection.streams.values()) {
					streams.push(stream);
				}
			}
		}

		return streams;
	}

	/** A device authenticates: the user's online count goes up by one. */
	connect(userId: string): StoreConnection {
		const connection: ConnectionRecord = {
			id: connectionIdAt(this.#connectionCount++),
			userId,
			isOpen: true,
			streams: new Map(),
			nextStreamId: firstStreamId,
		};
		let connections = this.#connectionsByUser.get(userId);
		if (!connections) {
			connections = new Map();
			this.#connectionsByUser.set(userId, connections);
			this.#sortedOnlineIds = undefined;
		}

		connections.set(connection.id, connection);

		return connection;
	}

	/** A device goes away: its streams end and the online count drops. */
	disconnect(handle: StoreConnection): void {
		const connection = this.#connection(handle);
		if (!connection) {
			return;
		}

		connection.isOpen = false;
		for (const stream of connection.streams.values()) {
			stream.isOpen = false;
		}

		connection.streams.clear();
		const connections = this.#connectionsByUser.get(connection.userId);
		connections?.delete(connection.id);
		if (connections?.size === 0) {
			this.#connectionsByUser.delete(connection.userId);
			this.#sortedOnlineIds = undefined;
		}
	}

	/** A new proxy stream in state `init`; `initialAtMs` may back-date it. */
	openStream(
		handle: StoreConnection,
		options: {readonly reqAddr: string; readonly initialAtMs?: number},
	): StoreStream {
		const connection = this.#connection(handle);
		const atMs = options.initialAtMs ?? this.now();
		const stream: StreamRecord = {
			state: 'init',
			auth: handle.userId,
			connection: handle.id,
			stream: connection?.nextStreamId ?? firstStreamId,
			reqAddr: options.reqAddr,
			hookedReqAddr: '',
			tx: 0,
			rx: 0,
			initialAtMs: atMs,
			lastActiveAtMs: atMs,
			isOpen: connection !== undefined,
		};
		if (connection) {
			connection.nextStreamId += streamIdStep;
			connection.streams.set(stream.stream, stream);
		}

		return stream;
	}

	/** Moves a stream on; `hookedReqAddr` is what sniffing found, if any. */
	setStreamState(
		handle: StoreStream,
		state: StreamState,
		hookedReqAddr?: string,
	): void {
		const stream = writableStream(handle);
		stream.state = state;
		if (hookedReqAddr !== undefined) {
			stream.hookedReqAddr = hookedReqAddr;
		}
	}

	/** The stream finished and leaves the dump. */
	closeStream(handle: StoreStream): void {
		const stream = writableStream(handle);
		stream.isOpen = false;
		this.#connectionsByUser
			.get(stream.auth)
			?.get(stream.connection)
			?.streams.delete(stream.stream);
	}

	/**
	Bytes moved on a stream. Returns false when a pending kick was consumed:
	the bytes are refused and the stream's whole connection is dropped.
	*/
	addStreamTraffic(handle: StoreStream, tx: number, rx: number): boolean {
		const stream = writableStream(handle);
		if (!stream.isOpen) {
			return false;
		}

		if (!this.#logTraffic(stream.auth, tx, rx)) {
			this.#dropConnection(stream.auth, stream.connection);
			return false;
		}

		stream.tx += tx;
		stream.rx += rx;
		if (tx + rx > 0) {
			stream.lastActiveAtMs = this.now();
		}

		return true;
	}

	/**
	Bytes moved outside TCP streams (UDP sessions, which the dump does not
	list). Returns false when a pending kick dropped the connection.
	*/
	addConnectionTraffic(
		handle: StoreConnection,
		tx: number,
		rx: number,
	): boolean {
		if (!handle.isOpen) {
			return false;
		}

		if (!this.#logTraffic(handle.userId, tx, rx)) {
			this.disconnect(handle);
			return false;
		}

		return true;
	}

	// A call that moves nothing is not traffic and leaves kicks pending.
	#logTraffic(userId: string, tx: number, rx: number): boolean {
		if (tx + rx === 0) {
			return true;
		}

		if (this.#kicks.delete(userId)) {
			return false;
		}

		const counter = this.#traffic.get(userId);
		if (counter) {
			counter.tx += tx;
			counter.rx += rx;
		} else {
			this.#traffic.set(userId, {tx, rx});
			this.#sortedTrafficIds = undefined;
		}

		return true;
	}

	#dropConnection(userId: string, connectionId: number): void {
		const connection = this.#connectionsByUser
			.get(userId)
			?.get(connectionId);
		if (connection) {
			this.disconnect(connection);
		}
	}

	// The store's own record of an open connection, found through the handle.
	#connection(handle: StoreConnection): ConnectionRecord | undefined {
		return this.#connectionsByUser.get(handle.userId)?.get(handle.id);
	}

	#onlineIds(): string[] {
		this.#sortedOnlineIds ??= [...this.#connectionsByUser.keys()].sort(
			compareCodePoints,
		);

		return this.#sortedOnlineIds;
	}
}

// Real connection ids look random. Multiplying by an odd constant is a
// bijection on uint32, so these never repeat within 2^32 connections.
const connectionIdAt = (index: number): number =>
	Math.imul(index + 1, 0x9e_37_79_b1) >>> 0;
