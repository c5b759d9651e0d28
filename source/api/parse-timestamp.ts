// RFC 3339 times as servers write them, read without Date: Go's zero time
// (year 1) and far-future times fall outside what Date.parse reliably
// accepts, and a dump of 100k streams holds 200k of them.

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
