import {Buffer} from 'node:buffer';
import {StringDecoder} from 'node:string_decoder';

import type {StreamEntry} from './types.js';
import {parseStreamEntry, parseStreams} from './validate.js';

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

// How the body starts before its first entry, and what may follow the list.
const head = /^\s*\{\s*"streams"\s*:\s*\[/;
const longestHeadBytes = 256;
const tail = /^\s*\}\s*$/;

// A string (group 1 holds its closing quote; a string the text so far
// cuts short has none), or a character that shapes the list.
const token = /"[^"\\]*(?:\\[^][^"\\]*)*(?:(")|\\?$)|[[\]{},]/g;

export const createStreamDumpReader = (): StreamDumpReader => {
	let phase: 'head' | 'list' | 'tail' | 'whole' = 'head';
	const entries: StreamEntry[] = [];
	const decoder = new StringDecoder('utf8');
	// The start of the body, until its head is known.
	let headBytes: Buffer = Buffer.alloc(0);
	// Kept for a body read whole.
	const wholeChunks: Buffer[] = [];
	// Text of the list not parsed yet, where its scan goes on (never inside
	// a string), and the depth of nesting there.
	let pending = '';
	let scanAt = 0;
	let depth = 0;
	let tailText = '';
	// After a comma an entry must follow: `[]` is a list, `[,]` is not.
	let isAfterComma = false;

	const addEntries = (values: readonly unknown[]) => {
		for (const value of values) {
			entries.push(parseStreamEntry(value, entries.length));
		}
	};

	const parseBatch = (text: string, isLast: boolean) => {
		const wasAfterComma = isAfterComma;
		isAfterComma = !isLast;
		if (text.trim() === '') {
			if (isLast && !wasAfterComma) {
				return;
			}

			throw new SyntaxError('a list entry is missing');
		}

		addEntries(JSON.parse(`[${text}]`) as unknown[]);
	};

	// Hysteria writes entries as flat objects with nothing between them, so
	// the last `},{` of the text is most likely where one entry ends and the
	// next begins. If it is not (it was inside a string, say), the text up to
	// it is not a list of whole values and JSON.parse says so; the exact scan
	// then takes over for the rest of the dump. Matching each string and
	// bracket instead costs twice as much as parsing.
	let isScanning = false;
	const takeWholeEntries = () => {
		const cut = pending.lastIndexOf('},{');
		if (cut < 0) {
			return;
		}

		let values: unknown[];
		try {
			values = JSON.parse(`[${pending.slice(0, cut + 1)}]`) as unknown[];
		} catch {
			isScanning = true;
			scanList();
			return;
		}

		addEntries(values);
		isAfterComma = true;
		pending = pending.slice(cut + 2);
	};

	/** Scans new text; parses every whole entry found so far. */
	const scanList = () => {
		let lastComma = -1;
		token.lastIndex = scanAt;
		scanAt = pending.length;
		for (let match = token.exec(pending); match; match = token.exec(pending)) {
			const [text] = match;
			if (text.startsWith('"')) {
				if (match[1] === undefined) {
					// Cut short: scanned again when more text comes.
					scanAt = match.index;
					break;
				}
			} else if (text === '{' || text === '[') {
				depth++;
			} else if (text === ',') {
				if (depth === 0) {
					lastComma = match.index;
				}
			} else if (depth > 0) {
				depth--;
			} else if (text === ']') {
				parseBatch(pending.slice(0, match.index), true);
				tailText = pending.slice(match.index + 1);
				pending = '';
				phase = 'tail';
				return;
			} else {
				throw new SyntaxError('unbalanced list');
			}
		}

		if (lastComma >= 0) {
			parseBatch(pending.slice(0, lastComma), false);
			pending = pending.slice(lastComma + 1);
			scanAt -= lastComma + 1;
		}
	};

	const finish = (): StreamEntry[] => {
		if (phase !== 'tail') {
			throw new SyntaxError('the list of streams is cut short');
		}

		tailText += decoder.end();
		// More keys after the list are allowed, if they are JSON.
		if (!tail.test(tailText)) {
			JSON.parse(`{"streams":[]${tailText}`);
		}

		return entries;
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
