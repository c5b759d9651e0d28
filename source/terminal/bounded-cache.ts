/**
A map from text to what is computed from it, for texts that come back frame
after frame. It holds at most `limit` of them: past that it starts over,
which costs a few recomputations and never lets it grow with time.
*/
export type BoundedCache<Value> = (text: string) => Value;

// V8 keeps a long enough piece cut from a string (by split or slice) as a
// view into the whole. The lines measured and parsed here are cut from the
// texts of a frame, a screenful each: kept as keys, 4,000 of them would
// keep 4,000 such texts alive. Glued to a space and cut again, a line is
// copied into a string of its own first.
const shortestView = 13;
const ownCopy = (text: string): string =>
	text.length < shortestView ? text : `${text} `.slice(0, -1);

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

			values.set(ownCopy(text), value);
		}

		return value;
	};
};
