import {ApiError} from './api-error.js';
import {parseTimestamp} from './parse-timestamp.js';
import type {
	ByteCounter,
	Online,
	StreamEntry,
	StreamState,
	Traffic,
} from './types.js';

// The server is trusted to be a Hysteria server, not to be well-formed: these
// functions check every value that the rest of hytop relies on, so a broken
// or hostile server gives one clear error instead of NaN on the screen.

type JsonObject = Readonly<Record<string, unknown>>;

const maxIdLength = 40;

const knownStates: ReadonlyMap<string, StreamState> = new Map(
	(['init', 'hook', 'connect', 'estab', 'closed', 'unknown'] as const).map(
		state => [state, state],
	),
);

const invalid = (
	endpoint: 'traffic' | 'online' | 'streams',
	reason: string,
): ApiError => new ApiError('invalid-response', endpoint, reason);

// Control, format (bidi, zero-width, BOM), private-use, unassigned and
// separator characters would let a user id rewrite the terminal or hide
// itself when the message is shown, so they are escaped; so is a combining
// mark with nothing shown before it to combine with.
const unsafeCharacter = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/u;
const combiningMark = /\p{M}/u;

const escapeCharacter = (character: string): string =>
	`\\u${character.codePointAt(0)!.toString(16).padStart(4, '0')}`;

/** A user id as it may appear in an error message: cut short, escaped. */
export const quoteId = (id: string): string => {
	const codePoints = Array.from(id);
	const cut =
		codePoints.length > maxIdLength
			? [...codePoints.slice(0, maxIdLength), '…']
			: codePoints;
	let escaped = '';
	let hasBase = false;
	for (const character of cut) {
		const isUnsafe: boolean =
			unsafeCharacter.test(character) ||
			(!hasBase && combiningMark.test(character));
		escaped += isUnsafe ? escapeCharacter(character) : character;
		hasBase = !isUnsafe;
	}

	return `"${escaped.replaceAll('"', '\\"')}"`;
};

const describeType = (value: unknown): string => {
	if (value === null) {
		return 'null';
	}

	if (Array.isArray(value)) {
		return 'an array';
	}

	const type = typeof value;
	return type === 'object' || type === 'undefined' ? `an ${type}` : `a ${type}`;
};

const isObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

// Own properties only: a missing field must not be found on the prototype.
const field = (object: JsonObject, name: string): unknown =>
	Object.hasOwn(object, name) ? object[name] : undefined;

/**
Whether none of `names` can be found on Object.prototype, so that an object
JSON.parse made (Object.prototype above it, nothing else) has a field under
one of them only as its own. Asked once for many objects.
*/
export const isPrototypeFree = (names: readonly string[]): boolean =>
	!names.some(name => name in Object.prototype);

/**
`object`, or a copy of its own fields without any prototype, so that its
fields can be read directly and still be only its own: Object.hasOwn for
each field costs some twenty times a plain read, at 100k entries a dump a
good part of reading it. `isFree` is `isPrototypeFree` for the names read.
*/
const ownFields = (object: JsonObject, isFree: boolean): JsonObject =>
	isFree && Object.getPrototypeOf(object) === Object.prototype
		? object
		: (Object.assign(Object.create(null), object) as JsonObject);

const counterNames = ['tx', 'rx'];

/** The names an entry of a stream dump is read by. */
export const streamEntryNames = [
	'auth',
	'state',
	'connection',
	'stream',
	'tx',
	'rx',
	'req_addr',
	'hooked_req_addr',
	'initial_at',
	'last_active_at',
];

/** A counter's problem with its name in front, or undefined. */
const namedProblem = (name: string, value: unknown): string | undefined => {
	const problem = counterProblem(value);
	return problem === undefined ? undefined : `${name} ${problem}`;
};

/** Why a value is not a usable counter, or undefined when it is one. */
const counterProblem = (value: unknown): string | undefined => {
	if (typeof value !== 'number') {
		return value === undefined ? 'is missing' : 'is not a number';
	}

	if (!Number.isFinite(value) || value < 0) {
		return 'is not a non-negative number';
	}

	return undefined;
};

// Built only for a failure: quoting an id is slow.
const userPlace = (id: string) => `traffic: user ${quoteId(id)}`;

export const parseTraffic = (value: unknown): Traffic => {
	const traffic = new Map<string, ByteCounter>();
	if (value === null) {
		return traffic;
	}

	if (!isObject(value)) {
		throw invalid(
			'traffic',
			`traffic: expected an object, got ${describeType(value)}`,
		);
	}

	const isFree = isPrototypeFree(counterNames);
	for (const [id, counters] of Object.entries(value)) {
		if (!isObject(counters)) {
			throw invalid(
				'traffic',
				`${userPlace(id)}: expected an object, got ${describeType(counters)}`,
			);
		}

		const fields = ownFields(counters, isFree);
		const tx = fields['tx'];
		const rx = fields['rx'];
		const problem = namedProblem('tx', tx) ?? namedProblem('rx', rx);
		if (problem !== undefined) {
			throw invalid('traffic', `${userPlace(id)}: ${problem}`);
		}

		traffic.set(id, {tx: tx as number, rx: rx as number});
	}

	return traffic;
};

export const parseOnline = (value: unknown): Online => {
	const online = new Map<string, number>();
	if (value === null) {
		return online;
	}

	if (!isObject(value)) {
		throw invalid(
			'online',
			`online: expected an object, got ${describeType(value)}`,
		);
	}

	for (const [id, count] of Object.entries(value)) {
		// Devices are counted one by one: a fraction is not a count. (Past
		// 2^53 a count is rounded, like every uint64 here, but kept.)
		const problem =
			counterProblem(count) ??
			(Number.isInteger(count) ? undefined : 'is not a whole number');
		if (problem !== undefined) {
			throw invalid(
				'online',
				`online: user ${quoteId(id)}: device count ${problem}`,
			);
		}

		online.set(id, count as number);
	}

	return online;
};

const entryPlace = (index: number) => `streams: entry ${index}`;

/**
One entry of a stream dump; `index` is its place in the list. For many
entries, `isFree` is worked out once: `isPrototypeFree(streamEntryNames)`.
*/
export const parseStreamEntry = (
	value: unknown,
	index: number,
	isFree = isPrototypeFree(streamEntryNames),
): StreamEntry => {
	// Runs 100k times a dump: messages are only built for a failure, and
	// nothing is made per entry for one (not even a closure).
	if (!isObject(value)) {
		throw invalid(
			'streams',
			`${entryPlace(index)}: expected an object, got ${describeType(value)}`,
		);
	}

	const fields = ownFields(value, isFree);
	const auth = fields['auth'];
	if (typeof auth !== 'string') {
		throw invalid('streams', `${entryPlace(index)}: auth is not a string`);
	}

	const state = fields['state'];
	const connection = fields['connection'];
	const stream = fields['stream'];
	const tx = fields['tx'];
	const rx = fields['rx'];
	const reqAddr = fields['req_addr'];
	// Sniffing may be absent from a server's build; empty means "none".
	const hookedReqAddr = fields['hooked_req_addr'] ?? '';
	const problem =
		typeof state === 'string' ? undefined : 'state is not a string';
	const reason =
		problem ??
		namedProblem('connection', connection) ??
		namedProblem('stream', stream) ??
		namedProblem('tx', tx) ??
		namedProblem('rx', rx) ??
		(typeof reqAddr === 'string' ? undefined : 'req_addr is not a string') ??
		(typeof hookedReqAddr === 'string'
			? undefined
			: 'hooked_req_addr is not a string');
	if (reason !== undefined) {
		throw invalid(
			'streams',
			`${entryPlace(index)} (user ${quoteId(auth)}): ${reason}`,
		);
	}

	return {
		// The map's own string: the parsed one can go.
		state: knownStates.get(state as string) ?? 'unknown',
		auth,
		connection: connection as number,
		stream: stream as number,
		reqAddr: reqAddr as string,
		hookedReqAddr: hookedReqAddr as string,
		tx: tx as number,
		rx: rx as number,
		initialAtMs: parseTimestamp(fields['initial_at']),
		lastActiveAtMs: parseTimestamp(fields['last_active_at']),
	};
};

export const parseStreams = (value: unknown): StreamEntry[] => {
	if (value === null) {
		return [];
	}

	if (!isObject(value)) {
		throw invalid(
			'streams',
			`streams: expected an object, got ${describeType(value)}`,
		);
	}

	const list = field(value, 'streams');
	if (list === null) {
		return [];
	}

	if (!Array.isArray(list)) {
		throw invalid(
			'streams',
			list === undefined
				? 'streams: the "streams" list is missing'
				: `streams: "streams" is ${describeType(list)}, not a list`,
		);
	}

	const isFree = isPrototypeFree(streamEntryNames);
	return list.map((entry, index) => parseStreamEntry(entry, index, isFree));
};
