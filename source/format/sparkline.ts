const blocks = '▁▂▃▄▅▆▇█';

/**
The samples as a row of block characters, `width` wide, newest on the
right; each character is the mean of its share of the samples. Scaled to
`maximum` when given (to compare rows), else to the samples' own peak.
*/
export const sparkline = (
	samples: readonly number[],
	width: number,
	maximum?: number,
): string => {
	if (width <= 0) {
		return '';
	}

	const buckets: number[] = [];
	const perBucket = Math.max(1, samples.length / width);
	for (let end = samples.length; end > 0 && buckets.length < width; ) {
		const start = Math.max(0, Math.round(end - perBucket));
		let sum = 0;
		for (let index = start; index < end; index++) {
			sum += samples[index] ?? 0;
		}

		buckets.unshift(sum / Math.max(1, end - start));
		end = start;
	}

	const peak = maximum ?? Math.max(0, ...buckets);
	const drawn = buckets
		.map(value => {
			if (!(peak > 0) || !(value > 0)) {
				return blocks[0];
			}

			const level = Math.ceil((value / peak) * blocks.length) - 1;
			return blocks[Math.min(blocks.length - 1, Math.max(0, level))];
		})
		.join('');
	return drawn.padStart(width, ' ');
};
