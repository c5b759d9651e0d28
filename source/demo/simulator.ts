import type {StatsStore, StoreConnection, StoreStream} from './stats-store.js';

export type SimulatorOptions = {
	readonly store: StatsStore;
	/** Number of distinct users. Default 40. */
	readonly users?: number;
	/** Open streams to keep. Default about three per connected device. */
	readonly streams?: number;
	/** Same seed, same ticks: same traffic. Default 1. */
	readonly seed?: number;
	/** Clock for back-dating and `start`. Default the store's clock. */
	readonly now?: () => number;
	/** Adds ids and sniffed addresses with terminal control characters. */
	readonly withControlCharacters?: boolean;
};

export type Simulator = {
	/** Advances the simulation by `elapsedMs` of traffic. */
	tick(elapsedMs: number): void;
	/** Ticks on a timer (default every 250 ms) that never holds the process. */
	start(intervalMs?: number): void;
	stop(): void;
};

type Random = () => number;

type SimUser = {
	readonly id: string;
	/** Share of new streams; 0 for users that stay connected but idle. */
	readonly weight: number;
	readonly maxDevices: number;
	/** Bytes per second outside TCP streams (games, calls); often 0. */
	readonly udpRate: number;
	readonly devices: SimDevice[];
	nextPresenceAtMs: number;
};

type SimDevice = {
	readonly user: SimUser;
	/** Undefined after a kick, until the client reconnects. */
	connection: StoreConnection | undefined;
	reconnectAtMs: number;
};

type SimStream = {
	readonly handle: StoreStream;
	readonly device: SimDevice;
	/** What sniffing will find; undefined when the stream is not sniffed. */
	readonly hookedReqAddr: string | undefined;
	readonly txRate: number;
	readonly rxRate: number;
	/** Share of ticks in which the stream moves bytes. */
	readonly activity: number;
	phaseEndsAtMs: number;
	readonly endsAtMs: number;
};

const defaultUserCount = 40;
const defaultStreamsPerDevice = 3;
const defaultIntervalMs = 250;
const meanPresenceChangeMs = 90_000;
const maxStreamRate = 20 * 1024 * 1024;

const baseUserIds = [
	'alice',
	'bob',
	'carol.w',
	'dave@example.com',
	'erin-phone',
	'frank_k',
	'grace',
	'heidi.m',
	'ivan',
	'judy',
	'李明',
	'mallory',
	'olivia.r',
	'Ana María',
	'peggy',
	'田中 さくら',
	'rupert',
	'sybil',
	'🦊 fox',
	'trent',
	'victor',
	'R&D lab',
	'walter',
	'yuki.tanaka',
	'k.müller',
	'zoë',
	'office printer',
	'ops-bot',
	'guest-7f3a',
	'backup-nas',
];

const controlCharacterIds = ['esc\u001B[31mred', 'bell\u0007user'];

const plainAddresses = [
	'www.example.com:443',
	'api.example.net:443',
	'cdn.example.org:443',
	'video.example.com:443',
	'static.example.net:443',
	'mail.example.org:993',
	'git.example.com:22',
	'updates.example.net:80',
	'chat.example.org:5222',
	'[2001:db8::1]:443',
];

// Clients that resolve names themselves ask for an IP; sniffing the TLS or
// HTTP request then reveals the name.
const sniffedAddresses: ReadonlyArray<readonly [string, string]> = [
	['203.0.113.10:443', 'www.example.com:443'],
	['198.51.100.7:443', 'video.example.com:443'],
	['203.0.113.54:443', 'api.example.net:443'],
	['192.0.2.33:80', 'updates.example.net:80'],
];

const controlCharacterHook = 'evil\u001B]0;pwned\u0007.example.com:443';

// mulberry32: tiny, fast and good enough for traffic that only needs to look
// plausible and repeat.
const createRandom = (seed: number): Random => {
	let state = seed >>> 0;

	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), state | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);

		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
	};
};

const between = (random: Random, low: number, high: number): number =>
	low + (high - low) * random();

const pick = <T>(random: Random, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)]!;

const exponential = (random: Random, mean: number): number =>
	-mean * Math.log(1 - random());

const gaussian = (random: Random): number =>
	Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const createUserIds = (count: number, withControls: boolean): string[] => {
	const base = withControls
		? [...controlCharacterIds, ...baseUserIds]
		: baseUserIds;

	return Array.from({length: count}, (_, index) => {
		const round = Math.floor(index / base.length);
		const name = base[index % base.length]!;

		return round === 0 ? name : `${name}-${round + 1}`;
	});
};

// A Pareto tail: most users light, a few carrying most of the traffic.
const createUser = (random: Random, id: string): SimUser => {
	const isIdle = random() < 0.15;
	const weight = isIdle ? 0 : Math.min(200, (1 - random()) ** -0.85);

	return {
		id,
		weight,
		maxDevices: 1 + Math.floor(random() * 3),
		udpRate: !isIdle && random() < 0.1 ? between(random, 5e3, 60e3) : 0,
		devices: [],
		nextPresenceAtMs: exponential(random, meanPresenceChangeMs),
	};
};

// Most streams are short requests; a few are long downloads or sessions.
const drawLifetimeMs = (random: Random): number => {
	const kind = random();
	if (kind < 0.6) {
		return between(random, 500, 15_000);
	}

	return kind < 0.92
		? between(random, 15_000, 180_000)
		: between(random, 180_000, 3_600_000);
};

/**
Drives a store with plausible traffic: users coming and going with up to three
devices, heavy-tailed rates, streams passing through their states, and
kicked clients reconnecting a few seconds later as real ones do.
*/
export const createSimulator = (options: SimulatorOptions): Simulator => {
	const {store} = options;
	const now = options.now ?? store.now;
	const random = createRandom(options.seed ?? 1);
	const withControls = options.withControlCharacters ?? false;
	const users = createUserIds(
		options.users ?? defaultUserCount,
		withControls,
	).map(id => createUser(random, id));
	const streams: SimStream[] = [];
	let clockMs = 0;
	let timer: NodeJS.Timeout | undefined;

	const connectDevice = (user: SimUser): void => {
		user.devices.push({
			user,
			connection: store.connect(user.id),
			reconnectAtMs: 0,
		});
	};

	const onDropped = (device: SimDevice): void => {
		device.connection = undefined;
		device.reconnectAtMs = clockMs + between(random, 2000, 6000);
	};

	const changePresence = (user: SimUser): void => {
		const count = user.devices.length;
		const isJoining =
			count === 0 || (count < user.maxDevices && random() < 0.5);
		if (isJoining) {
			connectDevice(user);
			return;
		}

		// Sometimes the user goes offline altogether.
		const leaving = random() < 0.3 ? count : 1;
		for (const device of user.devices.splice(0, leaving)) {
			if (device.connection) {
				store.disconnect(device.connection);
			}
		}
	};

	const updatePresence = (): void => {
		for (const user of users) {
			for (const device of user.devices) {
				if (!device.connection && clockMs >= device.reconnectAtMs) {
					device.connection = store.connect(user.id);
				}
			}

			if (clockMs >= user.nextPresenceAtMs) {
				changePresence(user);
				user.nextPresenceAtMs =
					clockMs + exponential(random, meanPresenceChangeMs);
			}
		}
	};

	const sendUdp = (elapsedMs: number): void => {
		for (const user of users) {
			if (user.udpRate === 0) {
				continue;
			}

			for (const device of user.devices) {
				const bytes = Math.round((user.udpRate * elapsedMs) / 1000);
				const {connection} = device;
				if (
					connection &&
					!store.addConnectionTraffic(connection, bytes >> 3, bytes)
				) {
					onDropped(device);
				}
			}
		}
	};

	const drawHook = (): [string, string | undefined] => {
		const kind = random();
		if (kind < 0.2) {
			const [reqAddr, hooked] = pick(random, sniffedAddresses);
			const isHostile = withControls && random() < 0.2;

			return [reqAddr, isHostile ? controlCharacterHook : hooked];
		}

		// Sniffed, but found the address that was asked for: reported as "".
		const reqAddr = pick(random, plainAddresses);

		return [reqAddr, kind < 0.3 ? '' : undefined];
	};

	const openStream = (device: SimDevice, ageMs: number): void => {
		const {connection} = device;
		if (!connection) {
			return;
		}

		const [reqAddr, hookedReqAddr] = drawHook();
		const rxRate = Math.min(
			maxStreamRate,
			1500 * Math.exp(1.6 * gaussian(random)),
		);
		const upShare = between(random, 0.02, 0.2);
		const isUpload = random() < 0.05;
		const lifetimeMs = drawLifetimeMs(random);
		const age = Math.min(ageMs, lifetimeMs * random());
		const stream: SimStream = {
			handle: store.openStream(connection, {
				reqAddr,
				initialAtMs: now() - age,
			}),
			device,
			hookedReqAddr,
			txRate: isUpload ? rxRate : rxRate * upShare,
			rxRate: isUpload ? rxRate * upShare : rxRate,
			activity: between(random, 0.1, 1),
			phaseEndsAtMs: clockMs + between(random, 5, 80),
			endsAtMs: clockMs + lifetimeMs - age,
		};
		streams.push(stream);
		if (age > 0) {
			// Streams found running at start-up are already established.
			store.setStreamState(stream.handle, 'estab', hookedReqAddr);
			moveBytes(stream, age);
		}
	};

	const moveBytes = (stream: SimStream, elapsedMs: number): boolean => {
		if (random() >= stream.activity) {
			return true;
		}

		const scale = (elapsedMs / 1000) * between(random, 0.3, 1.7);
		const isKept = store.addStreamTraffic(
			stream.handle,
			Math.round(stream.txRate * scale),
			Math.round(stream.rxRate * scale),
		);
		if (!isKept) {
			onDropped(stream.device);
		}

		return isKept;
	};

	// Returns false when the stream is gone.
	const advanceStream = (stream: SimStream, elapsedMs: number): boolean => {
		const {handle} = stream;
		if (handle.state === 'closed') {
			store.closeStream(handle);
			return false;
		}

		if (handle.state === 'estab') {
			if (clockMs < stream.endsAtMs) {
				return moveBytes(stream, elapsedMs);
			}

			// A closing stream is caught in the dump only now and then.
			if (random() < 0.1) {
				store.setStreamState(handle, 'closed');
				return true;
			}

			store.closeStream(handle);
			return false;
		}

		if (clockMs >= stream.phaseEndsAtMs) {
			stream.phaseEndsAtMs = clockMs + between(random, 10, 300);
			const isSniffed = stream.hookedReqAddr !== undefined;
			if (handle.state === 'init') {
				store.setStreamState(handle, isSniffed ? 'hook' : 'connect');
			} else if (handle.state === 'hook') {
				store.setStreamState(handle, 'connect', stream.hookedReqAddr);
			} else {
				store.setStreamState(handle, 'estab');
			}
		}

		return true;
	};

	const advanceStreams = (elapsedMs: number): void => {
		let kept = 0;
		for (const stream of streams) {
			// Streams of a disconnected or kicked device ended with it.
			if (stream.handle.isOpen && advanceStream(stream, elapsedMs)) {
				streams[kept++] = stream;
			}
		}

		streams.length = kept;
	};

	const openStreams = (ageMs: number): void => {
		const devices = users.flatMap(user =>
			user.devices.filter(device => device.connection),
		);
		const target =
			options.streams ?? defaultStreamsPerDevice * devices.length;
		const active = devices.filter(device => device.user.weight > 0);
		const weights: number[] = [];
		let total = 0;
		for (const device of active) {
			total += device.user.weight;
			weights.push(total);
		}

		for (let open = streams.length; open < target && total > 0; open++) {
			openStream(active[findWeighted(weights, random() * total)]!, ageMs);
		}
	};

	const tick = (elapsedMs: number): void => {
		clockMs += elapsedMs;
		updatePresence();
		advanceStreams(elapsedMs);
		sendUdp(elapsedMs);
		openStreams(0);
	};

	// Start mid-flight: three users in four online, streams already running.
	for (const user of users) {
		const count =
			random() < 0.75 ? 1 + Math.floor(random() * user.maxDevices) : 0;
		for (let index = 0; index < count; index++) {
			connectDevice(user);
		}
	}

	openStreams(Number.POSITIVE_INFINITY);

	return {
		tick,
		start(intervalMs = defaultIntervalMs) {
			clearInterval(timer);
			let lastMs = now();
			timer = setInterval(() => {
				const nowMs = now();
				tick(Math.max(0, nowMs - lastMs));
				lastMs = nowMs;
			}, intervalMs);
			timer.unref();
		},
		stop() {
			clearInterval(timer);
			timer = undefined;
		},
	};
};

// The first index whose running total passes `value`.
const findWeighted = (totals: readonly number[], value: number): number => {
	let low = 0;
	let high = totals.length - 1;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (totals[middle]! > value) {
			high = middle;
		} else {
			low = middle + 1;
		}
	}

	return low;
};
