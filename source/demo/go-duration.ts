const msPerSecond = 1000;
const msPerMinute = 60 * msPerSecond;
const msPerHour = 60 * msPerMinute;

// The stream dump keeps milliseconds for short durations only: past ten
// minutes they would be noise in a column twelve characters wide.
const secondRoundingFromMs = 10 * msPerMinute;

// Go's Duration.Round rounds halves away from zero.
const roundHalfAway = (value: number, unit: number): number =>
	Math.sign(value) * Math.round(Math.abs(value) / unit) * unit;

const formatFraction = (ms: number): string =>
	ms === 0 ? '' : '.' + String(ms).padStart(3, '0').replace(/0+$/, '');

const formatWholeMs = (ms: number): string => {
	if (ms === 0) {
		return '0s';
	}

	const sign = ms < 0 ? '-' : '';
	const absMs = Math.abs(ms);
	if (absMs < msPerSecond) {
		return `${sign}${absMs}ms`;
	}

	const hours = Math.floor(absMs / msPerHour);
	const minutes = Math.floor((absMs % msPerHour) / msPerMinute);
	const seconds = Math.floor((absMs % msPerMinute) / msPerSecond);
	const fraction = formatFraction(absMs % msPerSecond);
	const secondsText = `${seconds}${fraction}s`;
	if (hours > 0) {
		return `${sign}${hours}h${minutes}m${secondsText}`;
	}

	if (minutes > 0) {
		return `${sign}${minutes}m${secondsText}`;
	}

	return sign + secondsText;
};

/**
Formats a duration as the text table of `/dump/streams` shows it: rounded to
milliseconds under ten minutes and to seconds from there on, then written in
Go's `time.Duration` notation (`500ms`, `3.005s`, `1m2.5s`, `2h0m0s`).
*/
export const formatGoDuration = (durationMs: number): string => {
	const unitMs =
		durationMs < secondRoundingFromMs ? 1 : msPerSecond;

	return formatWholeMs(roundHalfAway(durationMs, unitMs));
};
