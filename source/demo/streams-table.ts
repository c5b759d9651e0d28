import {formatGoDuration} from './go-duration.js';
import type {StoreStream} from './stats-store.js';

type TableCells = {
	readonly state: string;
	readonly auth: string;
	readonly connection: string;
	readonly stream: string;
	readonly tx: string;
	readonly rx: string;
	readonly lifetime: string;
	readonly lastActive: string;
	readonly reqAddr: string;
	readonly hookedReqAddr: string;
};

const header: TableCells = {
	state: 'State',
	auth: 'Auth',
	connection: 'Connection',
	stream: 'Stream',
	tx: 'TX-Bytes',
	rx: 'RX-Bytes',
	lifetime: 'Lifetime',
	lastActive: 'Last-Active',
	reqAddr: 'Req-Addr',
	hookedReqAddr: 'Hooked-Req-Addr',
};

// Go pads to a width in code points, not UTF-16 units; texts longer than
// the width are kept whole, pushing the rest of the line right.
const countCodePoints = (text: string): number =>
	/[\uD800-\uDFFF]/.test(text) ? [...text].length : text.length;

const padEnd = (text: string, width: number): string =>
	text + ' '.repeat(Math.max(0, width - countCodePoints(text)));

const padStart = (text: string, width: number): string =>
	' '.repeat(Math.max(0, width - countCodePoints(text))) + text;

const formatLine = (cells: TableCells): string =>
	[
		padEnd(cells.state, 8),
		padEnd(cells.auth, 12),
		padStart(cells.connection, 12),
		padStart(cells.stream, 8),
		padStart(cells.tx, 12),
		padStart(cells.rx, 12),
		padStart(cells.lifetime, 12),
		padStart(cells.lastActive, 12),
		padEnd(cells.reqAddr, 16),
		cells.hookedReqAddr,
	].join(' ');

const formatConnection = (connection: number): string =>
	connection.toString(16).toUpperCase().padStart(8, '0');

const cellsOf = (stream: StoreStream, nowMs: number): TableCells => ({
	state: stream.state.toUpperCase(),
	auth: stream.auth,
	connection: formatConnection(stream.connection),
	stream: String(stream.stream),
	tx: String(stream.tx),
	rx: String(stream.rx),
	lifetime: formatGoDuration(nowMs - stream.initialAtMs),
	lastActive: formatGoDuration(nowMs - stream.lastActiveAtMs),
	reqAddr: stream.reqAddr || '-',
	hookedReqAddr: stream.hookedReqAddr || '-',
});

/** The first line of the text form of `/dump/streams`, without newline. */
export const streamsTableHeader = formatLine(header);

/**
One line of the human-readable form of `/dump/streams` (for `Accept:
text/plain`), without newline. Lifetime and Last-Active count back from
`nowMs`.
*/
export const formatStreamsTableLine = (
	stream: StoreStream,
	nowMs: number,
): string => formatLine(cellsOf(stream, nowMs));
