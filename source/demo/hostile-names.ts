import type {StatsStore, StoreConnection, StoreStream} from './stats-store.js';

// User ids and sniffed addresses chosen by an attacker: an authentication
// backend accepts any UTF-8 id, and sniffing reports what the client sent.

/** User ids that try to rewrite the terminal or break a table's columns. */
export const hostileUserIds: readonly string[] = [
	'wipe\u001B[2Jscreen',
	'title\u001B]0;pwned\u0007',
	'c1\u009B31mred',
	'line\r\nbreak\ttab',
	'bidi \u202Eexe.txt',
	'zero\u200Bwidth\u200D\uFEFF',
	'\u0301\u0301lone marks',
	'东京都'.repeat(20),
	'🦊🐼'.repeat(25),
	'del\u007Fbell\u0007',
];

/** Sniffed addresses with the same tricks, hooked onto hostile streams. */
export const hostileAddresses: readonly string[] = [
	'evil\u001B]0;pwned\u0007.example.com:443',
	'\u001B[1;1H\u001B[2Khijack.example:443',
	'moc.elpmaxe\u202E.example:443',
	'\u200Bhidden\u200B.example:80',
	`${'a'.repeat(200)}.example:443`,
];

/** The reachable-looking address each hostile stream asked for. */
const requestedAddress = '203.0.113.66:443';

// Fast enough to sort these users to the top of a busy demo.
const bytesPerSecond = 4 * 1024 * 1024;

export type HostileCast = {
	/** Moves traffic for `elapsedMs`; kicked users come back at once. */
	tick(elapsedMs: number): void;
	start(intervalMs: number): void;
	stop(): void;
};

type Member = {
	readonly userId: string;
	readonly address: string;
	connection: StoreConnection | undefined;
	stream: StoreStream | undefined;
};

/** Keeps one busy device and stream online for every hostile id. */
export const createHostileCast = (store: StatsStore): HostileCast => {
	const members: Member[] = hostileUserIds.map((userId, index) => ({
		userId,
		address: hostileAddresses[index % hostileAddresses.length]!,
		connection: undefined,
		stream: undefined,
	}));
	let timer: NodeJS.Timeout | undefined;

	const join = (member: Member): void => {
		member.connection = store.connect(member.userId);
		member.stream = store.openStream(member.connection, {
			reqAddr: requestedAddress,
		});
		store.setStreamState(member.stream, 'estab', member.address);
	};

	const tick = (elapsedMs: number): void => {
		const bytes = Math.round((bytesPerSecond * elapsedMs) / 1000);
		for (const member of members) {
			if (member.stream === undefined || !member.stream.isOpen) {
				join(member);
			}

			if (!store.addStreamTraffic(member.stream!, bytes >> 4, bytes)) {
				member.stream = undefined;
			}
		}
	};

	for (const member of members) {
		join(member);
	}

	return {
		tick,
		start(intervalMs) {
			clearInterval(timer);
			timer = setInterval(() => {
				tick(intervalMs);
			}, intervalMs);
			timer.unref();
		},
		stop() {
			clearInterval(timer);
			timer = undefined;
		},
	};
};
