import {Buffer} from 'node:buffer';
import type {Dispatcher} from 'undici';

export type BodyReadResult =
	| {readonly isComplete: true; readonly bytes: Buffer}
	| {readonly isComplete: false; readonly bytes: Buffer};

/**
Reads a body up to `limit` bytes. Past the limit the stream is destroyed, which
makes undici drop the connection instead of downloading the rest.
*/
export const readBody = async (
	body: Dispatcher.ResponseData['body'],
	limit: number,
): Promise<BodyReadResult> => {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of body) {
		const bytes = chunk as Buffer;
		length += bytes.length;
		if (length > limit) {
			chunks.push(bytes.subarray(0, bytes.length - (length - limit)));
			body.destroy();
			return {isComplete: false, bytes: Buffer.concat(chunks)};
		}

		chunks.push(bytes);
	}

	return {isComplete: true, bytes: Buffer.concat(chunks)};
};
