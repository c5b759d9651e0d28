/**
How byte counts are shown: `iec` uses powers of 1024 (KiB, MiB), `si` powers
of 1000 (kB, MB), `bits` multiplies by eight and uses powers of 1000 (kbit,
Mbit), as network links are usually rated.
*/
export type ByteUnits = 'iec' | 'si' | 'bits';

type UnitScale = {
	readonly base: number;
	readonly multiplier: number;
	readonly names: readonly string[];
};

const scales: Readonly<Record<ByteUnits, UnitScale>> = {
	iec: {
		base: 1024,
		multiplier: 1,
		names: ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'],
	},
	si: {
		base: 1000,
		multiplier: 1,
		names: ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'],
	},
	bits: {
		base: 1000,
		multiplier: 8,
		names: [
			'bit',
			'kbit',
			'Mbit',
			'Gbit',
			'Tbit',
			'Pbit',
			'Ebit',
			'Zbit',
			'Ybit',
		],
	},
};

// From this unit on, a step of the last shown digit hides many megabytes, so
// small values get a second decimal (1.23 GiB rather than 1.2 GiB).
const firstLargeUnit = 3;

/** Rounds like the text it will become, so 99.96 counts as 100.0. */
const roundTo = (value: number, decimals: number): number => {
	const factor = 10 ** decimals;
	return Math.round(value * factor) / factor;
};

const decimalsFor = (value: number, unitIndex: number): number => {
	if (unitIndex === 0 || value >= 100) {
		return 0;
	}

	if (unitIndex >= firstLargeUnit && value < 10) {
		return 2;
	}

	return 1;
};

/**
A byte count in at most 8 characters: `0 B`, `1023 B`, `1.0 KiB`,
`12.3 MiB`, `1.23 GiB`. Negative, NaN and infinite input, which only a bug
upstream can produce, shows as `-` so that it is never mistaken for a value.
*/
export const formatBytes = (
	bytes: number,
	units: ByteUnits = 'iec',
): string => {
	if (!Number.isFinite(bytes) || bytes < 0) {
		return '-';
	}

	const {base, multiplier, names} = scales[units];
	const lastUnit = names.length - 1;
	let value = bytes * multiplier;
	let unitIndex = 0;

	// Decide the unit on the rounded value: 1023.7 B is shown as 1.0 KiB,
	// not as 1024 B.
	for (;;) {
		let decimals = decimalsFor(value, unitIndex);
		let rounded = roundTo(value, decimals);
		// 99.96 rounds up to 100.0, which takes one decimal fewer.
		while (decimalsFor(rounded, unitIndex) < decimals) {
			decimals--;
			rounded = roundTo(value, decimals);
		}

		if (rounded < base || unitIndex === lastUnit) {
			if (rounded >= 1000 && unitIndex === lastUnit) {
				return `999+ ${names[lastUnit]!}`;
			}

			return `${rounded.toFixed(decimals)} ${names[unitIndex]!}`;
		}

		value /= base;
		unitIndex++;
	}
};

/** A rate in bytes per second, such as `1.2 MiB/s`; `-` when unusable. */
export const formatRate = (
	bytesPerSecond: number,
	units: ByteUnits = 'iec',
): string => {
	const text = formatBytes(bytesPerSecond, units);
	return text === '-' ? text : `${text}/s`;
};
