/** Uniform in [0, 1); the same seed gives the same sequence. */
export type Random = () => number;

// mulberry32: tiny, fast and good enough for traffic that only needs to look
// plausible and repeat.
export const createRandom = (seed: number): Random => {
	let state = seed >>> 0;

	return () => {
		state = (state + 0x6d_2b_79_f5) >>> 0;
		let mixed = Math.imul(state ^ (state >>> 15), state | 1);
		mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);

		return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
	};
};

export const between = (random: Random, low: number, high: number): number =>
	low + (high - low) * random();

export const pick = <T>(random: Random, items: readonly T[]): T =>
	items[Math.floor(random() * items.length)]!;

export const exponential = (random: Random, mean: number): number =>
	-mean * Math.log(1 - random());

// Box-Muller, one value per call.
export const gaussian = (random: Random): number =>
	Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
