/**
Resolves once `read` returns something `isDone` accepts; rejects with the
last value seen when it does not happen in time. Polls instead of sleeping a
fixed time, so a fast machine is not slowed down.
*/
export const waitFor = async <T>(
	read: () => T,
	isDone: (value: T) => boolean,
	timeoutMs = 5000,
): Promise<T> => {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = read();
		if (isDone(value)) {
			return value;
		}

		if (Date.now() > deadline) {
			throw new Error(`timed out waiting; last value:\n${String(value)}`);
		}

		// eslint-disable-next-line no-await-in-loop
		await new Promise(resolve => {
			setTimeout(resolve, 10);
		});
	}
};
