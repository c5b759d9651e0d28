import {Buffer} from 'node:buffer';

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

const openBracket = 0x5b;
const closeBracket = 0x5d;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const comma = 0x2c;
const quote = 0x22;
const backslash = 0x5c;

// How the body starts before its first entry, and what may follow the list.
const head = /^\s*\{\s*"streams"\s*:\s*\[/;
const longestHeadBytes = 256;
const tail = /^\s*\}\s*$/;

export const createStreamDumpReader = (): StreamDumpReader => {
	let phase: 'head' | 'list' | 'tail' | 'whole' = 'head';
	const entries: StreamEntry[] = [];
	// Bytes not parsed yet: the start of the body, or of an unfinished entry.
	let pending: Buffer = Buffer.alloc(0);
	// Kept for a body read whole.
	const wholeChunks: Buffer[] = [];
	// Where the scan of `pending` goes on, and its state there.
	let scanAt = 0;
	let depth = 0;
	let isInString = false;
	let isEscaped = false;
	let tailText = '';

	// After a comma an entry must follow: `[]` is a list, `[,]` is not.
	let isAfterComma = false;
	const parseBatch = (end: number, isLast: boolean) => {
		const text = pending.toString('utf8', 0, end);
		const wasAfterComma = isAfterComma;
		isAfterComma = !isLast;
		if (text.trim() === '') {
			if (isLast && !wasAfterComma) {
				return;
			}

			throw new SyntaxError('a list entry is missing');
		}

		const values = JSON.parse(`[${text}]`) as unknown[];
		for (const value of values) {
			entries.push(parseStreamEntry(value, entries.length));
		}
	};

	/** Scans new bytes; parses every whole entry found so far. */
	const scanList = () => {
		let lastComma = -1;
		let listEnd = -1;
		for (let at = scanAt; at < pending.length; at++) {
			const byte = pending[at]!;
			if (isInString) {
				if (isEscaped) {
					isEscaped = false;
				} else if (byte === backslash) {
					isEscaped = true;
				} else if (byte === quote) {
					isInString = false;
				}
			} else if (byte === quote) {
				isInString = true;
			} else if (byte === openBrace || byte === openBracket) {
				depth++;
			} else if (byte === closeBrace || byte === closeBracket) {
				if (depth === 0) {
					// A brace here is not JSON: let JSON.parse say so.
					listEnd = byte === closeBracket ? at : -1;
					if (listEnd < 0) {
						throw new SyntaxError('unbalanced list');
					}

					break;
				}

				depth--;
			} else if (byte === comma && depth === 0) {
				lastComma = at;
			}
		}

		if (listEnd >= 0) {
			parseBatch(listEnd, true);
			tailText = pending.toString('utf8', listEnd + 1);
			pending = Buffer.alloc(0);
			phase = 'tail';
			return;
		}

		if (lastComma >= 0) {
			parseBatch(lastComma, false);
			pending = pending.subarray(lastComma + 1);
		}

		scanAt = pending.length;
	};

	const readHead = () => {
		const start = pending.toString(
			'latin1',
			0,
			Math.min(pending.length, longestHeadBytes),
		);
		const match = head.exec(start);
		if (match !== null) {
			pending = pending.subarray(match[0].length);
			phase = 'list';
			scanList();
		} else if (pending.length >= longestHeadBytes) {
			phase = 'whole';
			wholeChunks.push(pending);
		}
	};

	return {
		push(chunk) {
			switch (phase) {
				case 'head': {
					pending = Buffer.concat([pending, chunk]);
					readHead();
					break;
				}

				case 'list': {
					pending =
						pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
					scanList();
					break;
				}

				case 'tail': {
					tailText += chunk.toString('utf8');
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
					const bytes = Buffer.concat([...wholeChunks, pending]);
					return parseStreams(JSON.parse(bytes.toString('utf8')));
				}

				case 'list': {
					throw new SyntaxError('the list of streams is cut short');
				}

				case 'tail': {
					// More keys after the list are allowed, if they are JSON.
					if (!tail.test(tailText)) {
						JSON.parse(`{"streams":[]${tailText}`);
					}

					return entries;
				}
			}
		},
	};
};
