import type {ServerResponse} from 'node:http';

/** One HTTP answer of the stats server. */
export type Reply = {
	readonly status: number;
	readonly contentType?: string;
	/** Large bodies come in chunks. */
	readonly body: string | readonly Buffer[];
};

export const jsonType = 'application/json; charset=utf-8';
export const textType = 'text/plain; charset=utf-8';
export const htmlType = 'text/html; charset=utf-8';

// Go's http.Error: the message and a newline, as plain text.
export const errorReply = (status: number, message: string): Reply => ({
	status,
	contentType: textType,
	body: `${message}\n`,
});

export const notFoundReply = errorReply(404, '404 page not found');
export const unauthorizedReply = errorReply(401, 'unauthorized');

/** The body's bytes, whichever form it has. */
export const replyBytes = (reply: Reply): Buffer =>
	typeof reply.body === 'string'
		? Buffer.from(reply.body)
		: Buffer.concat(reply.body);

/** Writes a reply; returns the number of body bytes. */
export const sendReply = (response: ServerResponse, reply: Reply): number => {
	if (reply.contentType) {
		response.setHeader('Content-Type', reply.contentType);
	}

	if (reply.contentType === textType && reply.status >= 400) {
		response.setHeader('X-Content-Type-Options', 'nosniff');
	}

	if (typeof reply.body === 'string') {
		response.writeHead(reply.status);
		response.end(reply.body);
		return Buffer.byteLength(reply.body);
	}

	let length = 0;
	for (const chunk of reply.body) {
		length += chunk.length;
	}

	response.writeHead(reply.status, {'Content-Length': length});
	for (const chunk of reply.body) {
		response.write(chunk);
	}

	response.end();
	return length;
};
