import {stat} from 'node:fs/promises';

import {type SecretSource, UsageError} from './options.js';
import {FileRefusedError, readSmallFile} from './read-small-file.js';

/** Secrets are short; a bigger file is the wrong file. */
const maxSecretFileBytes = 64 * 1024;

const describeReadError = (error: unknown): string => {
	if (error instanceof FileRefusedError) {
		return error.message;
	}

	const code = (error as NodeJS.ErrnoException).code;
	switch (code) {
		case 'ENOENT': {
			return 'no such file';
		}

		case 'EACCES': {
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
The secret to send, from wherever the operator put it. Warnings (a file
others can read, a secret on the command line) go to `warn`; the secret
itself never appears in any message.
*/
export const readSecret = async (
	source: SecretSource,
	environment: NodeJS.ProcessEnv,
	warn: (message: string) => void,
): Promise<string | undefined> => {
	switch (source.kind) {
		case 'none': {
			return undefined;
		}

		case 'environment': {
			return environment['HYTOP_SECRET'];
		}

		case 'flag': {
			warn(
				'--secret is visible to every user in the process list; ' +
					'prefer --secret-file or HYTOP_SECRET',
			);
			return source.value;
		}

		case 'file': {
			let text: string;
			try {
				text = await readSmallFile(source.path, maxSecretFileBytes);
				const info = await stat(source.path);
				if ((info.mode & 0o077) !== 0) {
					const mode = (info.mode & 0o777).toString(8).padStart(4, '0');
					warn(
						`the secret file ${source.path} is readable by others ` +
							`(mode ${mode}); run: chmod 600 ${source.path}`,
					);
				}
			} catch (error) {
				throw new UsageError(
					`cannot read the secret file ${source.path}: ` +
						describeReadError(error),
				);
			}

			// Editors end files with line breaks; they are not the secret.
			const secret = text.replace(/[\r\n]+$/, '');
			if (secret === '') {
				throw new UsageError(`the secret file ${source.path} is empty`);
			}

			if (/\p{Cc}/u.test(secret)) {
				throw new UsageError(
					`the secret file ${source.path} holds control characters or ` +
						'several lines: it should hold the secret alone',
				);
			}

			return secret;
		}
	}
};
