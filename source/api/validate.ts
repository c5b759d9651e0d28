import {ApiError} from './api-error.js';
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

	return `a ${typeof value}`;
};

const isObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

// Own properties only: a missing field must not be found on the prototype.
const field = (object: JsonObject, name: string): unknown =>
	Object.hasOwn(object, name) ? object[name] : undefined;

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

	for (const [id, counters] of Object.entries(value)) {
		const where = `traffic: user ${quoteId(id)}`;
		if (!isObject(counters)) {
			throw invalid(
				'traffic',
				`${where}: expected an object, got ${describeType(counters)}`,
			);
		}

		const tx = field(counters, 'tx');
		const rx = field(counters, 'rx');
		for (const [name, counter] of [
			['tx', tx],
			['rx', rx],
		] as const) {
			const problem = counterProblem(counter);
			if (problem !== undefined) {
				throw invalid('traffic', `${where}: ${name} ${problem}`);
			}
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

const daysBeforeMonth = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

const isLeapYear = (year: number): boolean =>
	(year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number => {
	if (month === 2) {
		return isLeapYear(year) ? 29 : 28;
	}

	return [4, 6, 9, 11].includes(month) ? 30 : 31;
};

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar. */
const daysSinceEpoch = (year: number, month: number, day: number): number => {
	// Leap days are counted up to the year before, from year 0 which is one.
	const previous = year - 1;
	const leapDays =
		Math.floor(previous / 4) -
		Math.floor(previous / 100) +
		Math.floor(previous / 400);
	const leapToday = month > 2 && isLeapYear(year) ? 1 : 0;
	const days =
		previous * 365 +
		leapDays +
		daysBeforeMonth[month - 1]! +
		leapToday +
		day -
		1;

	// 719162 days lie between 0001-01-01 and 1970-01-01.
	return days - 719_162;
};

const timestampPattern = new RegExp(
	[
		String.raw`^(\d{4,})-(\d{2})-(\d{2})`,
		String.raw`[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?`,
		String.raw`(?:([Zz])|([+-])(\d{2}):(\d{2}))$`,
	].join(''),
);

type TimestampParts = {
	readonly year: number;
	readonly month: number;
	readonly day: number;
	readonly hour: number;
	readonly minute: number;
	readonly second: number;
	/** The fraction's first three digits, as milliseconds. */
	readonly fractionMs: number;
	/** Minutes ahead of UTC. */
	readonly offsetMinutes: number;
	readonly offsetHours: number;
	readonly offsetSign: number;
};

/** The parts of any time the pattern accepts. */
const matchTimestamp = (text: string): TimestampParts | undefined => {
	const match = timestampPattern.exec(text);
	if (match === null) {
		return undefined;
	}

	const [year, month, day, hour, minute, second] = match
		.slice(1, 7)
		.map(Number) as [number, number, number, number, number, number];
	const fraction = match[7] ?? '';
	return {
		year,
		month,
		day,
		hour,
		minute,
		second,
		fractionMs: Number(fraction.slice(0, 3).padEnd(3, '0')),
		offsetHours: Number(match[10] ?? 0),
		offsetMinutes: Number(match[11] ?? 0),
		offsetSign: match[8] === undefined && match[9] === '-' ? -1 : 1,
	};
};

const zero = 48;

/** The number written by two ASCII digits at `at`, or NaN. */
const twoDigits = (text: string, at: number): number => {
	const tens = text.charCodeAt(at) - zero;
	const ones = text.charCodeAt(at + 1) - zero;
	return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9
		? tens * 10 + ones
		: Number.NaN;
};

/**
The parts of a time in the layout servers write, 2026-12-04T10:00:00.123Z or
with +09:00, read without a regular expression: a dump of 100k streams has
200k of them. Undefined for anything else, which the pattern then reads.
*/
const readCommonTimestamp = (text: string): TimestampParts | undefined => {
	if (
		text.charCodeAt(4) !== 0x2d ||
		text.charCodeAt(7) !== 0x2d ||
		text.charCodeAt(10) !== 0x54 ||
		text.charCodeAt(13) !== 0x3a ||
		text.charCodeAt(16) !== 0x3a
	) {
		return undefined;
	}

	let at = 19;
	let fractionMs = 0;
	if (text.charCodeAt(at) === 0x2e) {
		let scale = 100;
		for (at++; at < text.length; at++) {
			const digit = text.charCodeAt(at) - zero;
			if (digit < 0 || digit > 9) {
				break;
			}

			fractionMs += digit * scale;
			scale /= 10;
		}

		if (at === 20) {
			return undefined;
		}

		fractionMs = Math.floor(fractionMs);
	}

	const zone = text.charCodeAt(at);
	const isUtc = zone === 0x5a && at + 1 === text.length;
	const hasOffset =
		(zone === 0x2b || zone === 0x2d) &&
		text.charCodeAt(at + 3) === 0x3a &&
		at + 6 === text.length;
	const parts = {
		year: twoDigits(text, 0) * 100 + twoDigits(text, 2),
		month: twoDigits(text, 5),
		day: twoDigits(text, 8),
		hour: twoDigits(text, 11),
		minute: twoDigits(text, 14),
		second: twoDigits(text, 17),
		fractionMs,
		offsetHours: hasOffset ? twoDigits(text, at + 1) : 0,
		offsetMinutes: hasOffset ? twoDigits(text, at + 4) : 0,
		offsetSign: zone === 0x2d ? -1 : 1,
	};
	// A NaN from any part makes the sum NaN.
	const sum =
		parts.year +
		parts.month +
		parts.day +
		parts.hour +
		parts.minute +
		parts.second +
		parts.offsetHours +
		parts.offsetMinutes;
	return (isUtc || hasOffset) && !Number.isNaN(sum) ? parts : undefined;
};

/**
An RFC 3339 time in milliseconds since the epoch, or undefined. Computed by
hand rather than with `Date`: Go's zero time (year 1) and far-future times
fall outside what `Date.parse` reliably accepts, and nothing here may be NaN.
*/
export const parseTimestamp = (text: unknown): number | undefined => {
	if (typeof text !== 'string') {
		return undefined;
	}

	const parts = readCommonTimestamp(text) ?? matchTimestamp(text);
	if (parts === undefined) {
		return undefined;
	}

	const {year, month, day, hour, minute, second} = parts;
	const {fractionMs, offsetHours, offsetMinutes, offsetSign} = parts;

	const isValid =
		month >= 1 &&
		month <= 12 &&
		day >= 1 &&
		day <= daysInMonth(year, month) &&
		hour <= 23 &&
		minute <= 59 &&
		second <= 60 &&
		offsetHours <= 23 &&
		offsetMinutes <= 59;
	if (!isValid) {
		return undefined;
	}

	const offsetMs = offsetSign * (offsetHours * 60 + offsetMinutes) * 60_000;
	const ms =
		daysSinceEpoch(year, month, day) * 86_400_000 +
		((hour * 60 + minute) * 60 + second) * 1000 +
		fractionMs -
		offsetMs;

	// Absurd years could still overflow to Infinity.
	return Number.isFinite(ms) ? ms : undefined;
};

/** One entry of a stream dump; `index` is its place in the list. */
export const parseStreamEntry = (
	value: unknown,
	index: number,
): StreamEntry => {
	const where = `streams: entry ${index}`;
	if (!isObject(value)) {
		throw invalid(
			'streams',
			`${where}: expected an object, got ${describeType(value)}`,
		);
	}

	const auth = field(value, 'auth');
	if (typeof auth !== 'string') {
		throw invalid('streams', `${where}: auth is not a string`);
	}

	const fail = (reason: string): ApiError =>
		invalid('streams', `${where} (user ${quoteId(auth)}): ${reason}`);

	const state = field(value, 'state');
	if (typeof state !== 'string') {
		throw fail('state is not a string');
	}

	const numbers: Record<string, number> = {};
	for (const name of ['connection', 'stream', 'tx', 'rx']) {
		const number = field(value, name);
		const problem = counterProblem(number);
		if (problem !== undefined) {
			throw fail(`${name} ${problem}`);
		}

		numbers[name] = number as number;
	}

	const reqAddr = field(value, 'req_addr');
	if (typeof reqAddr !== 'string') {
		throw fail('req_addr is not a string');
	}

	// Sniffing may be absent from a server's build; empty means "none".
	const hookedReqAddr = field(value, 'hooked_req_addr') ?? '';
	if (typeof hookedReqAddr !== 'string') {
		throw fail('hooked_req_addr is not a string');
	}

	return {
		// The set's own string: the parsed one can go.
		state: knownStates.get(state) ?? 'unknown',
		auth,
		connection: numbers['connection']!,
		stream: numbers['stream']!,
		reqAddr,
		hookedReqAddr,
		tx: numbers['tx']!,
		rx: numbers['rx']!,
		initialAtMs: parseTimestamp(field(value, 'initial_at')),
		lastActiveAtMs: parseTimestamp(field(value, 'last_active_at')),
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

	return list.map((entry, index) => parseStreamEntry(entry, index));
};
