import stringWidth from 'string-width';

/** One screen cell: its character ('' for a wide one's right half). */
export type GridCell = {readonly text: string; readonly style: string};

const blank = (style: string): GridCell => ({text: ' ', style});

/**
A tiny terminal for checking what written bytes leave on screen. It knows
only what the screen diff sends: cursor position (CUP), column (CHA), up,
down, forward and back (CUU, CUD, CUF, CUB), SGR, erase in line and
display, auto-wrap on and off, CR, LF and printing, wide characters
included. Its style is kept apart from the code under test: a map from
attribute to parameter, so two ways to reach a style compare equal.
*/
export class CellTerminal {
	readonly grid: GridCell[][];
	row = 0;
	column = 0;
	readonly #attributes = new Map<string, string>();

	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		this.grid = Array.from({length: rows}, () =>
			Array.from({length: columns}, () => blank('')),
		);
	}

	/** The SGR state now in force, as a sorted list. */
	get style(): string {
		return [...this.#attributes]
			.map(([name, value]) => `${name}=${value}`)
			.sort()
			.join(',');
	}

	/** The screen as text lines with styles, for comparing two screens. */
	snapshot(): string[] {
		return this.grid.map(line =>
			line
				.map(cell =>
					cell.style === '' ? cell.text : `[${cell.style}]${cell.text}`,
				)
				.join('|'),
		);
	}

	write(bytes: string): void {
		const sequence =
			/\u001B\[([?\d;]*)([A-Za-z])|\r|\n|[^\u001B\r\n]+|\u001B/gy;
		for (const match of bytes.matchAll(sequence)) {
			const [text, parameters, final] = match;
			if (final !== undefined) {
				this.#control(parameters!, final);
			} else if (text === '\r') {
				this.column = 0;
			} else if (text === '\n') {
				this.row = Math.min(this.rows - 1, this.row + 1);
			} else if (text === '\u001B') {
				throw new Error('unsupported escape');
			} else {
				this.#print(text);
			}
		}
	}

	#control(parameters: string, final: string): void {
		if (final === 'H') {
			const [row = 1, column = 1] = parameters
				.split(';')
				.map(value => Number(value || '1'));
			this.row = Math.min(this.rows, row) - 1;
			this.column = Math.min(this.columns, column) - 1;
		} else if (final === 'C') {
			const count = Number(parameters || '1');
			this.column = Math.min(this.columns - 1, this.column + count);
		} else if (final === 'D') {
			const count = Number(parameters || '1');
			this.column = Math.max(0, this.column - count);
		} else if (final === 'G') {
			const column = Number(parameters || '1');
			this.column = Math.min(this.columns, column) - 1;
		} else if (final === 'A') {
			const count = Number(parameters || '1');
			this.row = Math.max(0, this.row - count);
		} else if (final === 'B') {
			const count = Number(parameters || '1');
			this.row = Math.min(this.rows - 1, this.row + count);
		} else if (final === 'L' || final === 'M') {
			this.#shiftLines(Number(parameters || '1'), final === 'L');
		} else if (final === 'K' && parameters === '') {
			this.#erase(this.row, this.column);
		} else if (final === 'J' && parameters === '2') {
			for (let row = 0; row < this.rows; row++) {
				this.#erase(row, 0);
			}
		} else if (final === 'm') {
			this.#sgr(parameters);
		} else if (
			(final === 'l' || final === 'h') &&
			parameters === '?7'
		) {
			// Only lines that fit are drawn here: wrapping never happens.
		} else {
			throw new Error(`unsupported sequence ${parameters}${final}`);
		}
	}

	// Insert (IL) or delete (DL) lines at the cursor's row: the lines below
	// move down or up, new ones are blank, and the cursor goes to column 1.
	#shiftLines(count: number, isInsert: boolean): void {
		const background = this.#attributes.get('bg');
		const style = background === undefined ? '' : `bg=${background}`;
		const blankLine = () =>
			Array.from({length: this.columns}, () => blank(style));

		const lines = Math.min(count, this.rows - this.row);
		for (let line = 0; line < lines; line++) {
			if (isInsert) {
				this.grid.splice(this.rows - 1, 1);
				this.grid.splice(this.row, 0, blankLine());
			} else {
				this.grid.splice(this.row, 1);
				this.grid.push(blankLine());
			}
		}

		this.column = 0;
	}

	// Erased cells take the background in force, as most terminals do.
	#erase(row: number, from: number): void {
		const background = this.#attributes.get('bg');
		const style = background === undefined ? '' : `bg=${background}`;
		this.#split(row, from);
		for (let column = from; column < this.columns; column++) {
			this.grid[row]![column] = blank(style);
		}
	}

	// Writing over half of a wide character blanks its other half.
	#split(row: number, column: number): void {
		const line = this.grid[row]!;
		if (line[column]?.text === '' && column > 0) {
			line[column - 1] = blank(line[column - 1]!.style);
		}
	}

	#print(text: string): void {
		const segmenter = new Intl.Segmenter();
		for (const {segment} of segmenter.segment(text)) {
			const width = stringWidth(segment);
			if (width < 1 || this.column + width > this.columns) {
				throw new Error(`cannot print ${JSON.stringify(segment)}`);
			}

			const line = this.grid[this.row]!;
			this.#split(this.row, this.column);
			const after = this.column + width;
			if (line[after]?.text === '') {
				line[after] = blank(line[after]!.style);
			}

			line[this.column] = {text: segment, style: this.style};
			if (width === 2) {
				line[this.column + 1] = {text: '', style: this.style};
			}

			// Auto-wrap is off: the cursor stays on the last column.
			this.column = Math.min(after, this.columns - 1);
		}
	}

	#sgr(parameters: string): void {
		const list = parameters === '' ? ['0'] : parameters.split(';');
		const flags: Record<string, string> = {
			'1': 'bold',
			'2': 'dim',
			'3': 'italic',
			'4': 'underline',
			'5': 'blink',
			'7': 'inverse',
			'8': 'hidden',
			'9': 'strike',
			'53': 'overline',
		};
		const offs: Record<string, string[]> = {
			'22': ['bold', 'dim'],
			'23': ['italic'],
			'24': ['underline'],
			'25': ['blink'],
			'27': ['inverse'],
			'28': ['hidden'],
			'29': ['strike'],
			'39': ['fg'],
			'49': ['bg'],
			'55': ['overline'],
		};
		for (let at = 0; at < list.length; at++) {
			const code = Number(list[at] || '0');
			const key = String(code);
			if (code === 0) {
				this.#attributes.clear();
			} else if (flags[key] !== undefined) {
				this.#attributes.set(flags[key], 'on');
			} else if (offs[key] !== undefined) {
				for (const name of offs[key]) {
					this.#attributes.delete(name);
				}
			} else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) {
				this.#attributes.set('fg', key);
			} else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) {
				this.#attributes.set('bg', key);
			} else if (code === 38 || code === 48) {
				const count = list[at + 1] === '5' ? 2 : 4;
				const colour = list
					.slice(at + 1, at + 1 + count)
					.map(value => Number(value))
					.join(':');
				this.#attributes.set(code === 38 ? 'fg' : 'bg', colour);
				at += count;
			} else {
				throw new Error(`unsupported SGR ${key}`);
			}
		}
	}
}
