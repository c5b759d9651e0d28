const blocks = '▁▂▃▄▅▆▇█';

/**
The samples as a row of block characters, `width` wide, newest on the
right; each character is the mean of its share of the samples, scaled to
their peak. With `sampleCount` (samples ever taken), characters cover fixed
stretches of time: each new sample changes only the newest character, and
the line moves one step when a stretch is complete, instead of every
character shifting every second.
*/
export const sparkline = (
	samples: readonly number[],
	width: number,
	sampleCount?: number,
): string => {
	if (width <= 0) {
		return '';
	}

	const buckets: number[] = [];
	const perBucket = Math.max(1, Math.round(samples.length / width));
	const newest =
		sampleCount === undefined ? perBucket : ((sampleCount - 1) % perBucket) + 1;
	for (let end = samples.length; end > 0 && buckets.length < width; ) {
		const size = buckets.length === 0 ? newest : perBucket;
		const start = Math.max(0, end - size);
		let sum = 0;
		for (let index = start; index < end; index++) {
			sum += samples[index] ?? 0;
		}

		buckets.unshift(sum / Math.max(1, end - start));
		end = start;
	}

	const peak = Math.max(0, ...buckets);
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
