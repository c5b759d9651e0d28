/**
A running total over a source counter that may start again from zero (a
clear, a restart). Each time it starts again, what it had reached is banked,
so the total only ever grows.
*/
export type ResetAwareCounter = {
	/** Everything counted: the banked part plus the source's value now. */
	readonly total: number;
	/** Takes the source's value; a value lower than the last is a reset. */
	observe(value: number): void;
	/** The source started again, known some other way. */
	restart(): void;
};

export const createResetAwareCounter = (): ResetAwareCounter => {
	let bankedValue = 0;
	let lastValue = 0;

	const restart = (): void => {
		bankedValue += lastValue;
		lastValue = 0;
	};

	return {
		get total() {
			return bankedValue + lastValue;
		},

		observe(value) {
			if (value < lastValue) {
				restart();
			}

			lastValue = value;
		},

		restart,
	};
};
