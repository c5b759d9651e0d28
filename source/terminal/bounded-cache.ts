/**
A map from text to what is computed from it, for texts that come back frame
after frame. It holds at most `limit` of them: past that it starts over,
which costs a few recomputations and never lets it grow with time.
*/
export type BoundedCache<Value> = (text: string) => Value;

export const boundedCache = <Value>(
	limit: number,
	compute: (text: string) => Value,
): BoundedCache<Value> => {
	const values = new Map<string, Value>();
	return text => {
		let value = values.get(text);
		if (value === undefined) {
			value = compute(text);
			if (values.size >= limit) {
				values.clear();
			}

			values.set(text, value);
		}

		return value;
	};
};
