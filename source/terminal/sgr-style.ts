// SGR (select graphic rendition) state: what a line's escape sequences
// leave in force, and the shortest sequence from one state to another.

/** The SGR state in force at a cell; `key` is its canonical parameters. */
export type Style = {
	readonly flags: number;
	readonly fg: string | undefined;
	readonly bg: string | undefined;
	readonly key: string;
};

const sgr = (parameters: string): string => `\u001B[${parameters}m`;

// Attribute openers by flag bit, and the parameter that closes each.
const openers = ['1', '2', '3', '4', '5', '7', '8', '9', '53'];
const closers = ['22', '22', '23', '24', '25', '27', '28', '29', '55'];
// One parameter closes both bold and dim.
const boldOrDim = 0b11;

// One object per style, so that styles compare with ===.
const styles = new Map<string, Style>();

const makeStyle = (
	flags: number,
	fg: string | undefined,
	bg: string | undefined,
): Style => {
	const parameters = openers.filter((_, bit) => (flags & (1 << bit)) !== 0);
	for (const colour of [fg, bg]) {
		if (colour !== undefined) {
			parameters.push(colour);
		}
	}

	const key = parameters.join(';');
	let style = styles.get(key);
	if (style === undefined) {
		// Only a stream of true colours could fill this; starting over just
		// costs a few rewrites while old styles compare unequal.
		if (styles.size > 4096) {
			styles.clear();
			styles.set('', plain);
		}

		style = {flags, fg, bg, key};
		styles.set(key, style);
	}

	return style;
};

/** No attributes and default colours: the terminal's state after a reset. */
export const plain: Style = makeStyle(0, undefined, undefined);

const isByte = (text: string | undefined): text is string =>
	text !== undefined && /^\d+$/.test(text) && Number(text) <= 255;

/** 38;5;n or 38;2;r;g;b (and 48 the same) from `at`, or undefined. */
const readColour = (
	parameters: readonly string[],
	at: number,
): {readonly colour: string; readonly count: number} | undefined => {
	const kind = parameters[at + 1];
	const count = kind === '5' ? 3 : kind === '2' ? 5 : 0;
	const values = parameters.slice(at + 2, at + count);
	if (count === 0 || values.length !== count - 2 || !values.every(isByte)) {
		return undefined;
	}

	const numbers = values.map(value => String(Number(value)));
	return {colour: [parameters[at], kind, ...numbers].join(';'), count};
};

/**
The style after an SGR sequence, given its parameters (`text`), or undefined
for one not understood.
*/
export const applySgr = (style: Style, text: string): Style | undefined => {
	if (!/^[\d;]*$/.test(text)) {
		return undefined;
	}

	let {flags, fg, bg} = style;
	const parameters = text.split(';');
	for (let at = 0; at < parameters.length; at++) {
		const parameter = String(Number(parameters[at] || '0'));
		const code = Number(parameter);
		const opener = openers.indexOf(parameter);
		const closer = closers.indexOf(parameter);
		if (code === 0) {
			flags = 0;
			fg = undefined;
			bg = undefined;
		} else if (opener >= 0) {
			flags |= 1 << opener;
		} else if (code === 22) {
			flags &= ~boldOrDim;
		} else if (closer >= 0) {
			flags &= ~(1 << closer);
		} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
			fg = parameter;
		} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
			bg = parameter;
		} else if (code === 39) {
			fg = undefined;
		} else if (code === 49) {
			bg = undefined;
		} else if (code === 38 || code === 48) {
			const extended = readColour(parameters, at);
			if (extended === undefined) {
				return undefined;
			}

			if (code === 38) {
				fg = extended.colour;
			} else {
				bg = extended.colour;
			}

			at += extended.count - 1;
		} else {
			return undefined;
		}
	}

	return makeStyle(flags, fg, bg);
};

/**
The SGR sequence that turns `from` into `to`: only what differs, or a reset
and the whole of `to` when that is shorter or `from` is unknown. Without
`mayReset`, only what differs, one sequence per attribute: text that will
be styled again around it (as Ink colours a line) must not reset the outer
style, and an outer style reopens itself after its own closing sequence.
*/
export const changeStyle = (
	from: Style | undefined,
	to: Style,
	mayReset = true,
): string => {
	if (from === to) {
		return '';
	}

	// Styles are one object each, so a change between two is worked out
	// once: frames change between the same few styles, cell after cell.
	const known = (mayReset ? resetting : separate).get(from ?? plainUnknown);
	const cached = known?.get(to);
	if (cached !== undefined) {
		return cached;
	}

	const change = workOutChange(from, to, mayReset);
	if (known === undefined) {
		(mayReset ? resetting : separate).set(
			from ?? plainUnknown,
			new Map([[to, change]]),
		);
	} else {
		// Only a stream of true colours could fill this; starting over
		// costs a few changes worked out again.
		if (known.size >= 256) {
			known.clear();
		}

		known.set(to, change);
	}

	return change;
};

// Changes worked out, by the style changed from (a stand-in when unknown)
// and the one changed to. Styles live as long as the table of them: a
// style that is dropped takes its changes with it.
const resetting = new WeakMap<Style, Map<Style, string>>();
const separate = new WeakMap<Style, Map<Style, string>>();
const plainUnknown: Style = {flags: 0, fg: undefined, bg: undefined, key: ''};

const workOutChange = (
	from: Style | undefined,
	to: Style,
	mayReset: boolean,
): string => {
	const whole = to.key === '' ? '0' : `0;${to.key}`;
	if (from === undefined) {
		return sgr(whole);
	}

	const parameters: string[] = [];
	let flags = from.flags;
	const removed = from.flags & ~to.flags;
	if ((removed & boldOrDim) !== 0) {
		parameters.push('22');
		flags &= ~boldOrDim;
	}

	for (let bit = 2; bit < closers.length; bit++) {
		if ((removed & (1 << bit)) !== 0) {
			parameters.push(closers[bit]!);
			flags &= ~(1 << bit);
		}
	}

	for (let bit = 0; bit < openers.length; bit++) {
		if ((to.flags & (1 << bit)) !== 0 && (flags & (1 << bit)) === 0) {
			parameters.push(openers[bit]!);
		}
	}

	if (from.fg !== to.fg) {
		parameters.push(to.fg ?? '39');
	}

	if (from.bg !== to.bg) {
		parameters.push(to.bg ?? '49');
	}

	if (!mayReset) {
		return parameters.map(parameter => sgr(parameter)).join('');
	}

	const delta = parameters.join(';');
	return sgr(delta.length < whole.length ? delta : whole);
};
