import {UsageError} from '../options.js';
import {FileRefusedError, readSmallFile} from '../read-small-file.js';

/**
Configurations are small; parsing a large YAML document takes hundreds of
times its size in memory, so a bigger file is refused.
*/
const maxConfigBytes = 1024 * 1024;

const describeReadError = (error: unknown): string => {
	if (error instanceof FileRefusedError) {
		return error.message;
	}

	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'EACCES':
		case 'EPERM': {
			return 'permission denied';
		}

		case 'EISDIR': {
			return 'it is a directory';
		}

		default: {
			return code ?? 'unreadable';
		}
	}
};

/**
The text of a configuration file, or undefined when there is no such file
(the caller decides whether that is a problem). Any other failure is a
UsageError naming the file and the fix.
*/
export const readConfigText = async (
	path: string,
): Promise<string | undefined> => {
	try {
		return await readSmallFile(path, maxConfigBytes);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') {
			return undefined;
		}

		const reason = describeReadError(error);
		const hint =
			reason === 'permission denied'
				? ': run hytop as a user that may read it'
				: '';

		throw new UsageError(`cannot read ${path} (${reason})${hint}`);
	}
};
