const secondMs = 1000;
const minuteMs = 60 * secondMs;
const hourMs = 60 * minuteMs;
const dayMs = 24 * hourMs;

const twoDigits = (value: number): string => String(value).padStart(2, '0');

/**
A short duration for lifetime and idle columns: `5s`, `2m05s`, `3h12m`,
`4d03h`. Each form keeps two units, cut down (not rounded) so a stream never
looks older than it is. Undefined, negative or non-finite input is `-`.
*/
export const formatDuration = (durationMs: number | undefined): string => {
	if (
		durationMs === undefined ||
		!Number.isFinite(durationMs) ||
		durationMs < 0
	) {
		return '-';
	}

	if (durationMs < minuteMs) {
		return `${Math.floor(durationMs / secondMs)}s`;
	}

	if (durationMs < hourMs) {
		const minutes = Math.floor(durationMs / minuteMs);
		const seconds = Math.floor((durationMs % minuteMs) / secondMs);
		return `${minutes}m${twoDigits(seconds)}s`;
	}

	if (durationMs < dayMs) {
		const hours = Math.floor(durationMs / hourMs);
		const minutes = Math.floor((durationMs % hourMs) / minuteMs);
		return `${hours}h${twoDigits(minutes)}m`;
	}

	const days = Math.floor(durationMs / dayMs);
	const hours = Math.floor((durationMs % dayMs) / hourMs);
	return `${days}d${twoDigits(hours)}h`;
};
