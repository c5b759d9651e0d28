/**
Orders strings by code point, which is the byte order of their UTF-8 form and
so the order Go sorts map keys in. JavaScript's default compares UTF-16 units,
which puts U+E000..U+FFFF after astral characters such as emoji.
*/
export const compareCodePoints = (a: string, b: string): number => {
	const length = Math.min(a.length, b.length);
	for (let index = 0; index < length; index++) {
		const left = a.charCodeAt(index);
		const right = b.charCodeAt(index);
		if (left !== right) {
			return codePointRank(left) - codePointRank(right);
		}
	}

	return a.length - b.length;
};

// Surrogates stand for code points above U+FFFF, so they rank after the rest.
const codePointRank = (unit: number): number => {
	if (unit >= 0xd8_00 && unit <= 0xdf_ff) {
		return unit + 0x20_00;
	}

	return unit >= 0xe0_00 ? unit - 0x08_00 : unit;
};
