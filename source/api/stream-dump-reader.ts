import {Buffer} from 'node:buffer';
import {StringDecoder} from 'node:string_decoder';

import type {StreamEntry} from './types.js';
import {
	isPrototypeFree,
	parseStreamEntry,
	parseStreams,
	streamEntryNames,
} from './validate.js';

/**
Reads /dump/streams as its bytes arrive. A dump of 100,000 streams is 25 MB
of JSON: read whole, it is held as bytes, as a string and as parsed objects
at once, several times the memory of the entries kept from it. Here each
piece of the body is parsed into entries and let go, so only a few entries
are ever held as JSON.

The body is expected as Hysteria writes it, `{"streams":[...]}`; any other
shape is read whole and judged as before, so its errors read the same.
Throws a SyntaxError for a body that is not JSON, and the validation's
ApiError for an entry of the wrong shape.
*/
export type StreamDumpReader = {
	readonly push: (chunk: Buffer) => void;
	readonly end: () => StreamEntry[];
};

// How the body starts before its first entry, and what may follow the list
// (JSON's whitespace only, which is narrower than \s).
const head = /^[ \t\n\r]*\{[ \t\n\r]*"streams"[ \t\n\r]*:[ \t\n\r]*\[/;
const longestHeadBytes = 256;
const tail = /^[ \t\n\r]*\}[ \t\n\r]*$/;
const blank = /^[ \t\n\r]*$/;

// Past this much text with no `},{` in it (pretty-printed JSON, one huge
// entry), the exact scan takes over: looking again at all of it for every
// new piece would cost time growing with the square of its size.
const longestGuessedText = 1024 * 1024;

const quote = 0x22;
const backslash = 0x5c;

/**
Checks parsed entries and appends them. Kept out of the reader: a closure
made per dump loses its optimised code at each full collection.
*/
const addEntries = (entries: StreamEntry[], values: readonly unknown[]) => {
	const isFree = isPrototypeFree(streamEntryNames);
	for (const value of values) {
		entries.push(parseStreamEntry(value, entries.length, isFree));
	}
};

export const createStreamDumpReader = (): StreamDumpReader => {
	let phase: 'head' | 'list' | 'tail' | 'whole' = 'head';
	const entries: StreamEntry[] = [];
	const decoder = new StringDecoder('utf8');
	// The start of the body, until its head is known.
	let headBytes: Buffer = Buffer.alloc(0);
	// Kept for a body read whole.
	const wholeChunks: Buffer[] = [];
	// Text of the list not parsed yet, where its scan goes on, and the depth
	// of nesting there.
	let pending = '';
	let scanAt = 0;
	let depth = 0;
	// Where the string the scan is in began, or -1 outside strings.
	let stringStart = -1;
	// How much of `pending` was searched for `},{`.
	let searchedTo = 0;
	let tailText = '';
	// After a comma an entry must follow: `[]` is a list, `[,]` is not.
	let isAfterComma = false;

	const parseBatch = (text: string, isLast: boolean) => {
		const wasAfterComma = isAfterComma;
		isAfterComma = !isLast;
		if (blank.test(text)) {
			if (isLast && !wasAfterComma) {
				return;
			}

			throw new SyntaxError('a list entry is missing');
		}

		addEntries(entries, JSON.parse(`[${text}]`) as unknown[]);
	};

	// Hysteria writes entries as flat objects with nothing between them, so
	// the last `},{` of the text is most likely where one entry ends and the
	// next begins. If it is not (it was inside a string, say), the text up to
	// it is not a list of whole values and JSON.parse says so; the exact scan
	// then takes over for the rest of the dump. Matching each string and
	// bracket instead costs twice as much as parsing.
	let isScanning = false;
	const takeWholeEntries = () => {
		// Only the new text is searched; a `},{` may straddle its start.
		const from = Math.max(0, searchedTo - 2);
		const found = pending.slice(from).lastIndexOf('},{');
		searchedTo = pending.length;
		if (found < 0) {
			if (pending.length > longestGuessedText) {
				isScanning = true;
				scanList();
			}

			return;
		}

		const cut = from + found;
		let values: unknown[];
		try {
			values = JSON.parse(`[${pending.slice(0, cut + 1)}]`) as unknown[];
		} catch {
			isScanning = true;
			scanList();
			return;
		}

		addEntries(entries, values);
		isAfterComma = true;
		pending = pending.slice(cut + 2);
		searchedTo = pending.length;
	};

	/** Whether the quote at `at` ends the string begun at `stringStart`. */
	const isClosingQuote = (at: number): boolean => {
		let backslashes = 0;
		while (
			at - backslashes - 1 >= stringStart &&
			pending.charCodeAt(at - backslashes - 1) === backslash
		) {
			backslashes++;
		}

		return backslashes % 2 === 0;
	};

	/**
	Scans the text not scanned yet, once, in time linear in its length;
	parses every whole entry found so far.
	*/
	const scanList = () => {
		let lastComma = -1;
		let at = scanAt;
		while (at < pending.length) {
			if (stringStart >= 0) {
				const next = pending.indexOf('"', at);
				if (next < 0) {
					at = pending.length;
					break;
				}

				if (isClosingQuote(next)) {
					stringStart = -1;
				}

				at = next + 1;
				continue;
			}

			const code = pending.charCodeAt(at);
			if (code === quote) {
				stringStart = at + 1;
			} else if (code === 0x7b || code === 0x5b) {
				depth++;
			} else if (code === 0x2c) {
				if (depth === 0) {
					lastComma = at;
				}
			} else if (code === 0x7d || code === 0x5d) {
				if (depth > 0) {
					depth--;
				} else if (code === 0x5d) {
					parseBatch(pending.slice(0, at), true);
					tailText = pending.slice(at + 1);
					pending = '';
					phase = 'tail';
					return;
				} else {
					throw new SyntaxError('unbalanced list');
				}
			}

			at++;
		}

		scanAt = at;
		if (lastComma >= 0) {
			parseBatch(pending.slice(0, lastComma), false);
			pending = pending.slice(lastComma + 1);
			scanAt -= lastComma + 1;
			if (stringStart >= 0) {
				stringStart -= lastComma + 1;
			}
		}
	};

	const finish = (): StreamEntry[] => {
		if (phase !== 'tail') {
			throw new SyntaxError('the list of streams is cut short');
		}

		tailText += decoder.end();
		if (tail.test(tailText)) {
			return entries;
		}

		// More keys after the list are allowed, if they are JSON. As with
		// JSON.parse, a later "streams" key wins: a stand-in marks the list
		// already read, and only what replaced it is judged.
		const standIn = `read-${Math.random()}`;
		const rest = JSON.parse(
			`{"streams":${JSON.stringify(standIn)}${tailText}`,
		) as Record<string, unknown>;
		return rest['streams'] === standIn ? entries : parseStreams(rest);
	};

	const readHead = () => {
		const start = headBytes.toString(
			'latin1',
			0,
			Math.min(headBytes.length, longestHeadBytes),
		);
		const match = head.exec(start);
		if (match !== null) {
			phase = 'list';
			pending = decoder.write(headBytes.subarray(match[0].length));
			headBytes = Buffer.alloc(0);
			takeWholeEntries();
		} else if (headBytes.length >= longestHeadBytes) {
			phase = 'whole';
			wholeChunks.push(headBytes);
			headBytes = Buffer.alloc(0);
		}
	};

	return {
		push(chunk) {
			switch (phase) {
				case 'head': {
					headBytes = Buffer.concat([headBytes, chunk]);
					readHead();
					break;
				}

				case 'list': {
					pending += decoder.write(chunk);
					if (isScanning) {
						scanList();
					} else {
						takeWholeEntries();
					}

					break;
				}

				case 'tail': {
					tailText += decoder.write(chunk);
					break;
				}

				case 'whole': {
					wholeChunks.push(chunk);
					break;
				}
			}
		},

		end() {
			switch (phase) {
				case 'head':
				case 'whole': {
					const bytes = Buffer.concat([...wholeChunks, headBytes]);
					return parseStreams(JSON.parse(bytes.toString('utf8')));
				}

				case 'list': {
					// The rest of the list, and its end, if the body has one.
					pending += decoder.end();
					isScanning = true;
					scanList();
					return finish();
				}

				case 'tail': {
					return finish();
				}
			}
		},
	};
};
