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

	return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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

/**
Milliseconds since the epoch of a time given by its parts, or undefined
when a part is out of range (a NaN part fails every check). `fractionMs` is
the fraction's first three digits; the offset is ahead of UTC.
*/
const epochMs = (
	year: number,
	month: number,
	day: number,
	hour: number,
	minute: number,
	second: number,
	fractionMs: number,
	offsetSign: number,
	offsetHours: number,
	offsetMinutes: number,
): number | undefined => {
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

/** Any time the pattern accepts, in milliseconds since the epoch. */
const matchTimestamp = (text: string): number | undefined => {
	const match = timestampPattern.exec(text);
	if (match === null) {
		return undefined;
	}

	const [year, month, day, hour, minute, second] = match
		.slice(1, 7)
		.map(Number) as [number, number, number, number, number, number];
	const fraction = match[7] ?? '';
	return epochMs(
		year,
		month,
		day,
		hour,
		minute,
		second,
		Number(fraction.slice(0, 3).padEnd(3, '0')),
		match[8] === undefined && match[9] === '-' ? -1 : 1,
		Number(match[10] ?? 0),
		Number(match[11] ?? 0),
	);
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
A time in the layout servers write, 2026-12-04T10:00:00.123Z or with +09:00,
read without a regular expression and without making an object: a dump of
100k streams has 200k of them. Null for anything else, which the pattern
then reads; undefined for a time in that layout that is not a real one.
*/
const readCommonTimestamp = (text: string): number | undefined | null => {
	if (
		text.charCodeAt(4) !== 0x2d ||
		text.charCodeAt(7) !== 0x2d ||
		text.charCodeAt(10) !== 0x54 ||
		text.charCodeAt(13) !== 0x3a ||
		text.charCodeAt(16) !== 0x3a
	) {
		return null;
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
			return null;
		}

		fractionMs = Math.floor(fractionMs);
	}

	const zone = text.charCodeAt(at);
	const isUtc = zone === 0x5a && at + 1 === text.length;
	const hasOffset =
		(zone === 0x2b || zone === 0x2d) &&
		text.charCodeAt(at + 3) === 0x3a &&
		at + 6 === text.length;
	if (!isUtc && !hasOffset) {
		return null;
	}

	const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
	const offsetHours = hasOffset ? twoDigits(text, at + 1) : 0;
	const offsetMinutes = hasOffset ? twoDigits(text, at + 4) : 0;
	// A NaN from any part: not digits where the layout has them.
	if (Number.isNaN(year + offsetHours + offsetMinutes)) {
		return null;
	}

	return epochMs(
		year,
		twoDigits(text, 5),
		twoDigits(text, 8),
		twoDigits(text, 11),
		twoDigits(text, 14),
		twoDigits(text, 17),
		fractionMs,
		zone === 0x2d ? -1 : 1,
		offsetHours,
		offsetMinutes,
	);
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

	const common = readCommonTimestamp(text);
	return common === null ? matchTimestamp(text) : common;
};
