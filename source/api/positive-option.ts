/** `value` when given, `fallback` when not; throws unless finite and > 0. */
export const positiveOption = (
	name: string,
	value: number | undefined,
	fallback: number,
): number => {
	if (value === undefined) {
		return fallback;
	}

	if (!Number.isFinite(value) || value <= 0) {
		throw new RangeError(`${name} must be a positive number`);
	}

	return value;
};
