/**
A seeded source of numbers in [0, 1), so that a randomised test can be
replayed from its seed, with the two uses tests make of it.
*/
export const seededRandom = (seed: number) => {
	let state = seed;
	const next = (): number => {
		state = (state + 0x6d_2b_79_f5) | 0;
		let value = Math.imul(state ^ (state >>> 15), 1 | state);
		value ^= value + Math.imul(value ^ (value >>> 7), 61 | value);
		return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
	};

	/** A whole number from 0 up to, not including, `limit`. */
	const below = (limit: number): number => Math.floor(next() * limit);
	return {
		next,
		below,
		pick: <T>(list: readonly T[]): T => list[below(list.length)]!,
	};
};
