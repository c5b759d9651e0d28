import type {ServerResponse} from 'node:http';

import type {ApiRoute, Fault} from './faults.js';
import {formatRfc3339} from './rfc3339-nano.js';
import {
	errorReply,
	htmlType,
	jsonType,
	notFoundReply,
	type Reply,
	replyBytes,
	unauthorizedReply,
} from './reply.js';

const mebibyte = 1024 * 1024;
export const defaultSlowDelayMs = 2000;
export const defaultHugeSizeBytes = 300 * mebibyte;

// What nginx answers when the server behind it fails.
const html500 =
	'<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n' +
	'<body>\r\n<center><h1>500 Internal Server Error</h1></center>\r\n' +
	'<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** The answer of a fault that replaces the server's own, for `route`. */
export const faultReply = (fault: Fault, route: ApiRoute): Reply => {
	switch (fault.kind) {
		case 'html-500': {
			return {
				status: 500,
				contentType: htmlType,
				body: fault.body ?? html500,
			};
		}

		case 'unauthorized': {
			return unauthorizedReply;
		}

		case 'not-found': {
			return notFoundReply;
		}

		case 'malformed': {
			// NaN is JavaScript, not JSON.
			const body = fault.body ?? '{"alice":{"tx":NaN,"rx":1}}';
			return {status: 200, contentType: jsonType, body};
		}

		case 'wrong-shape': {
			return {
				status: 200,
				contentType: jsonType,
				body: fault.body ?? wrongShapes[route],
			};
		}

		case 'null': {
			return {status: 200, contentType: jsonType, body: 'null'};
		}

		default: {
			return errorReply(500, `fault ${fault.kind} has no fixed answer`);
		}
	}
};

const wrongShapes: Readonly<Record<ApiRoute, string>> = {
	traffic: '{"alice":{"tx":"1024","rx":2048}}',
	clear: '{"alice":{"tx":"1024","rx":2048}}',
	online: '["alice","bob"]',
	streams:
		'{"streams":[{"state":"estab","auth":"alice","connection":"7",' +
		'"stream":4,"req_addr":"a.example:443","tx":1,"rx":1}]}',
	kick: '',
};

/** The reply with its body cut in half; the framing stays honest. */
export const truncateReply = (reply: Reply): Reply => {
	const bytes = replyBytes(reply);

	return {...reply, body: [bytes.subarray(0, Math.floor(bytes.length / 2))]};
};

// One entry of a flood; each is valid, so only the size is wrong.
const floodParts = (route: ApiRoute) => {
	if (route === 'streams') {
		return {
			head: '{"streams":[',
			entry: (index: number) =>
				`{"state":"estab","auth":"flood","connection":${index}` +
				',"stream":4,"req_addr":"flood.example:443",' +
				'"hooked_req_addr":"","tx":1,"rx":1,' +
				'"initial_at":"2024-01-01T00:00:00Z",' +
				'"last_active_at":"2024-01-01T00:00:00Z"}',
			tail: ']}\n',
		};
	}

	return {
		head: '{',
		entry: (index: number) =>
			route === 'online'
				? `"flood-${index}":1`
				: `"flood-${index}":{"tx":1,"rx":1}`,
		tail: '}',
	};
};

/**
Streams a body of about `sizeBytes` without a Content-Length, respecting
back-pressure, and stops when the client goes away. Calls `onBytes` with
each piece written.
*/
export const sendHuge = (
	response: ServerResponse,
	route: ApiRoute,
	sizeBytes: number,
	onBytes: (count: number) => void,
): void => {
	const {head, entry, tail} = floodParts(route);
	let written = 0;
	let index = 0;
	const write = (text: string): boolean => {
		const bytes = Buffer.from(text);
		written += bytes.length;
		onBytes(bytes.length);
		return response.write(bytes);
	};

	const pump = (): void => {
		while (!response.destroyed) {
			if (written >= sizeBytes) {
				response.end(tail);
				return;
			}

			let piece = '';
			while (piece.length < 64 * 1024) {
				piece += (index === 0 ? '' : ',') + entry(index);
				index++;
			}

			if (!write(piece)) {
				response.once('drain', pump);
				return;
			}
		}
	};

	response.writeHead(200, {'Content-Type': jsonType});
	write(head);
	pump();
};

// 2^63: added to counters, they stay within uint64 but pass 2^53.
const bigOffset = 2n ** 63n;

/** A counter as a uint64 beyond what a double holds exactly. */
export const bigNumberText = (value: number, name: string): string => {
	if (name === 'connection') {
		// Connection ids are uint32: the largest one.
		return '4294967295';
	}

	if (name === 'stream') {
		// QUIC stream ids stop at 2^62.
		return String(2n ** 62n - BigInt(Math.round(value)));
	}

	return String(bigOffset + BigInt(Math.round(value)));
};

// Stream times as servers in the wild write them: 0 to 9 fraction digits,
// Z and offsets, Go's zero time for a time never set, a clock far ahead.
const oddTimes: ReadonlyArray<(ms: number) => string> = [
	ms => formatRfc3339(ms, 0, 0),
	ms => formatRfc3339(ms, 540, 9),
	ms => formatRfc3339(ms, -210, 1),
	() => '0001-01-01T00:00:00Z',
	ms => formatRfc3339(ms, 330, 3),
	() => '9999-12-31T23:59:59.999999999Z',
	ms => formatRfc3339(ms, -720, 6),
	ms => formatRfc3339(ms, 840, 7),
	ms => formatRfc3339(ms, 60, 2),
	ms => formatRfc3339(ms, -300, 4),
	ms => formatRfc3339(ms, 0, 5),
	ms => formatRfc3339(ms, 120, 8),
];

/** The time stamp of the `index`th stream in the odd form of its turn. */
export const oddTimestampText = (ms: number, index: number): string =>
	oddTimes[index % oddTimes.length]!(ms);
