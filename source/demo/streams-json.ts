import {encodeGoString} from './go-json.js';
import {createTimestampFormatter} from './rfc3339-nano.js';
import type {StoreStream} from './stats-store.js';
import {
	formatStreamsTableLine,
	streamsTableHeader,
} from './streams-table.js';

// Turning one 25 MB string into bytes costs far more than turning many small
// ones: V8 must flatten the whole concatenation first. So a large body is
// gathered in pieces of about this size.
const chunkLength = 64 * 1024;

const createChunkedText = () => {
	const chunks: Buffer[] = [];
	let pending = '';

	return {
		add(text: string): void {
			pending += text;
			if (pending.length >= chunkLength) {
				chunks.push(Buffer.from(pending));
				pending = '';
			}
		},
		finish(): Buffer[] {
			chunks.push(Buffer.from(pending));

			return chunks;
		},
	};
};

/** Writes one stream's time stamp; `index` is its place in the dump. */
export type TimestampText = (ms: number, index: number) => string;

/** Numbers as they go on the wire; a fault may put uint64 values here. */
export type NumberText = (value: number, name: string) => string;

export type StreamsJsonOptions = {
	readonly timestampText?: TimestampText;
	readonly numberText?: NumberText;
};

/** The JSON form of /dump/streams, as chunks of UTF-8. */
export const encodeStreams = (
	streams: readonly StoreStream[],
	options: StreamsJsonOptions = {},
): Buffer[] => {
	const goTime = createTimestampFormatter();
	const time = options.timestampText ?? ((ms: number) => goTime(ms));
	const number = options.numberText ?? ((value: number) => String(value));
	const body = createChunkedText();
	body.add('{"streams":[');
	let lastAuth: string | undefined;
	let authJson = '';
	for (const [index, stream] of streams.entries()) {
		// Streams come grouped by user: encode each user id once.
		if (stream.auth !== lastAuth) {
			lastAuth = stream.auth;
			authJson = encodeGoString(stream.auth);
		}

		body.add(
			(index === 0 ? '' : ',') +
				`{"state":"${stream.state}","auth":${authJson}` +
				`,"connection":${number(stream.connection, 'connection')}` +
				`,"stream":${number(stream.stream, 'stream')}` +
				`,"req_addr":${encodeGoString(stream.reqAddr)}` +
				`,"hooked_req_addr":${encodeGoString(stream.hookedReqAddr)}` +
				`,"tx":${number(stream.tx, 'tx')}` +
				`,"rx":${number(stream.rx, 'rx')}` +
				`,"initial_at":"${time(stream.initialAtMs, index)}"` +
				`,"last_active_at":"${time(stream.lastActiveAtMs, index)}"}`,
		);
	}

	body.add(']}\n');

	return body.finish();
};

/** The `Accept: text/plain` form of /dump/streams. */
export const encodeStreamsTable = (
	streams: readonly StoreStream[],
	nowMs: number,
): Buffer[] => {
	const body = createChunkedText();
	body.add(streamsTableHeader + '\n');
	for (const stream of streams) {
		body.add(formatStreamsTableLine(stream, nowMs) + '\n');
	}

	return body.finish();
};
