import type {IncomingMessage} from 'node:http';

// The body of POST /kick, with the messages of Go's JSON decoder.

// A kick list this long is not an operator's; refuse it before buffering.
const maxKickBodyBytes = 16 * 1024 * 1024;

const goTypeName = (value: unknown): string => {
	if (Array.isArray(value)) {
		return 'array';
	}

	return typeof value === 'boolean' ? 'bool' : typeof value;
};

const unmarshalError = (value: unknown, goType: string): Error =>
	new Error(
		`json: cannot unmarshal ${goTypeName(value)} into Go value of type ` +
			goType,
	);

/** The user ids of a kick body, or the error Go's decoder would give. */
export const parseKickIds = (body: string): string[] | Error => {
	if (body.trim() === '') {
		return new Error('EOF');
	}

	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch (error) {
		return error instanceof Error ? error : new Error(String(error));
	}

	// Go decodes null into an empty list, and a null element into "".
	if (value === null) {
		return [];
	}

	if (!Array.isArray(value)) {
		return unmarshalError(value, '[]string');
	}

	const ids: string[] = [];
	for (const element of value as unknown[]) {
		if (element !== null && typeof element !== 'string') {
			return unmarshalError(element, 'string');
		}

		ids.push(element ?? '');
	}

	return ids;
};

/** The request body as text; rejects past the kick body limit. */
export const readKickBody = async (
	request: IncomingMessage,
): Promise<string> => {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > maxKickBodyBytes) {
			throw new Error('http: request body too large');
		}

		chunks.push(buffer);
	}

	return Buffer.concat(chunks).toString('utf8');
};
