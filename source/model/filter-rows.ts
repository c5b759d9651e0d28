import type {StreamRow, UserRow} from './types.js';

/** What `/` typed: a case-insensitive substring, `!` in front to invert. */
export type RowFilter = {
	readonly needle: string;
	readonly isInverted: boolean;
};

export const parseFilter = (text: string): RowFilter | undefined => {
	const isInverted = text.startsWith('!');
	const needle = (isInverted ? text.slice(1) : text).toLowerCase();
	return needle === '' ? undefined : {needle, isInverted};
};

const streamMatches = (row: StreamRow, needle: string) =>
	row.user.toLowerCase().includes(needle) ||
	row.reqAddr.toLowerCase().includes(needle) ||
	row.hookedReqAddr.toLowerCase().includes(needle);

/** Streams whose user, address or sniffed address match. */
export const filterStreams = <Row extends StreamRow>(
	rows: readonly Row[],
	filter: RowFilter | undefined,
): readonly Row[] => {
	if (!filter) {
		return rows;
	}

	return rows.filter(
		row => streamMatches(row, filter.needle) !== filter.isInverted,
	);
};

/**
Users whose id matches, or who have a stream to a matching address: the
filter means the same thing in every pane.
*/
export const filterUsers = (
	rows: readonly UserRow[],
	streams: readonly StreamRow[],
	filter: RowFilter | undefined,
): readonly UserRow[] => {
	if (!filter) {
		return rows;
	}

	const withMatchingStream = new Set<string>();
	for (const stream of streams) {
		if (streamMatches(stream, filter.needle)) {
			withMatchingStream.add(stream.user);
		}
	}

	return rows.filter(row => {
		const isMatch =
			row.id.toLowerCase().includes(filter.needle) ||
			withMatchingStream.has(row.id);
		return isMatch !== filter.isInverted;
	});
};
