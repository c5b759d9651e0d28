import {readFile, stat} from 'node:fs/promises';

/** Why a file given to hytop was not read; the message says how to fix it. */
export class FileRefusedError extends Error {
	override readonly name = 'FileRefusedError';
}

/**
The text of a small regular file. Anything else (a FIFO that would block, a
device such as /dev/zero that never ends, a huge file) is refused before it
is opened, so a mistyped path cannot hang hytop or eat its memory.
*/
export const readSmallFile = async (
	path: string,
	maxBytes: number,
): Promise<string> => {
	const info = await stat(path);
	if (!info.isFile()) {
		throw new FileRefusedError('it is not a regular file');
	}

	if (info.size > maxBytes) {
		throw new FileRefusedError(
			`it is larger than ${Math.round(maxBytes / 1024)} KiB`,
		);
	}

	return readFile(path, 'utf8');
};
