/**
The `rank`-th smallest of `numbers` (counted from 0; none of them NaN). A
copy of them in `values`, which must be at least as long, is split around
a middle value, again and again on the side holding the rank: about twice
their length of reads on average, where a sort would read them many times.
*/
export const nthSmallest = (
	values: Float64Array,
	numbers: Float64Array,
	rank: number,
): number => {
	values.set(numbers);
	let low = 0;
	let high = numbers.length - 1;
	while (low < high) {
		const pivot = values[(low + high) >>> 1]!;
		let left = low;
		let right = high;
		while (left <= right) {
			while (values[left]! < pivot) {
				left++;
			}

			while (values[right]! > pivot) {
				right--;
			}

			if (left <= right) {
				const swap = values[left]!;
				values[left] = values[right]!;
				values[right] = swap;
				left++;
				right--;
			}
		}

		if (rank <= right) {
			high = right;
		} else if (rank >= left) {
			low = left;
		} else {
			return values[rank]!;
		}
	}

	return values[rank]!;
};
