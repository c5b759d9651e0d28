// Go's time.RFC3339Nano: the fraction's trailing zeros dropped, `Z` for a
// zero offset.

const pad2 = (value: number): string => String(value).padStart(2, '0');

const formatZone = (offsetMinutes: number): string => {
	if (offsetMinutes === 0) {
		return 'Z';
	}

	const sign = offsetMinutes < 0 ? '-' : '+';
	const absMinutes = Math.abs(offsetMinutes);

	return `${sign}${pad2(Math.floor(absMinutes / 60))}:${pad2(absMinutes % 60)}`;
};

const formatLocalSecond = (second: number): readonly [string, string] => {
	const date = new Date(second * 1000);
	const day =
		String(date.getFullYear()).padStart(4, '0') +
		`-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
	const time =
		`${pad2(date.getHours())}:${pad2(date.getMinutes())}:` +
		pad2(date.getSeconds());

	return [`${day}T${time}`, formatZone(-date.getTimezoneOffset())];
};

// Digits of a fraction of a second, trailing zeros dropped, as Go does.
const formatFraction = (nanoseconds: number): string => {
	if (nanoseconds === 0) {
		return '';
	}

	let digits = 9;
	let value = nanoseconds;
	while (value % 10 === 0) {
		value /= 10;
		digits--;
	}

	return '.' + String(value).padStart(digits, '0');
};

/**
Returns a formatter of Go's RFC 3339 with nanoseconds, in the local zone:
trailing zeros of the fraction dropped, `Z` for a zero offset. The formatter
remembers each second it has seen, as the streams of a dump share few.
*/
export const createTimestampFormatter = (): ((ms: number) => string) => {
	const seconds = new Map<number, readonly [string, string]>();

	return (ms: number): string => {
		let second = Math.floor(ms / 1000);
		let nanoseconds = Math.round((ms - second * 1000) * 1e6);
		if (nanoseconds >= 1e9) {
			second++;
			nanoseconds -= 1e9;
		}

		let parts = seconds.get(second);
		if (!parts) {
			parts = formatLocalSecond(second);
			seconds.set(second, parts);
		}

		return parts[0] + formatFraction(nanoseconds) + parts[1];
	};
};

/**
A time in a given zone with exactly `fractionDigits` digits of fraction
(0 to 9), as some servers and proxies write them: not Go's trimmed form.
*/
export const formatRfc3339 = (
	ms: number,
	offsetMinutes: number,
	fractionDigits: number,
): string => {
	const shifted = new Date(Math.floor(ms) + offsetMinutes * 60_000);
	const day =
		String(shifted.getUTCFullYear()).padStart(4, '0') +
		`-${pad2(shifted.getUTCMonth() + 1)}-${pad2(shifted.getUTCDate())}`;
	const time =
		`${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}:` +
		pad2(shifted.getUTCSeconds());
	// Sub-millisecond digits are made up, but repeatable.
	const nanoseconds = String(shifted.getUTCMilliseconds()).padStart(3, '0');
	const digits = (nanoseconds + '123456').slice(0, fractionDigits);
	const fraction = digits === '' ? '' : `.${digits}`;

	return `${day}T${time}${fraction}${formatZone(offsetMinutes)}`;
};
