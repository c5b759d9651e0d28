import {mkdir, open, stat} from 'node:fs/promises';
import {dirname} from 'node:path';

import type {Traffic} from '../api/types.js';

/** One user's counters as a server returned them when hytop cleared it. */
export type LedgerRecord = {
	readonly server: string;
	readonly time: string;
	readonly user: string;
	readonly tx: number;
	readonly rx: number;
};

export const ledgerRecords = (
	serverUrl: string,
	traffic: Traffic,
	time: Date,
): LedgerRecord[] =>
	[...traffic].map(([user, counter]) => ({
		server: serverUrl,
		time: time.toISOString(),
		user,
		tx: counter.tx,
		rx: counter.rx,
	}));

/**
Appends records as JSON lines and flushes them to disk before resolving, so
the screen says "cleared" only once the bytes are safe. Throws on any
failure; the caller must say so loudly.
*/
export const appendToLedger = async (
	path: string,
	records: readonly LedgerRecord[],
): Promise<void> => {
	// Some paths never answer (a directory under /proc, a hung network
	// mount): the operator must hear that the totals were not saved.
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => {
			reject(new Error(`no answer from the file system in ${writeTimeoutMs / 1000} s`));
		}, writeTimeoutMs);
	});
	try {
		await Promise.race([write(path, records), timeout]);
	} finally {
		clearTimeout(timer);
	}
};

const writeTimeoutMs = 5000;

const write = async (
	path: string,
	records: readonly LedgerRecord[],
): Promise<void> => {
	await mkdir(dirname(path), {recursive: true, mode: 0o700});
	// A FIFO would block the write forever, a device would swallow it.
	const existing = await stat(path).catch(() => undefined);
	if (existing && !existing.isFile()) {
		throw new Error(`${path} is not a regular file`);
	}

	const file = await open(path, 'a', 0o600);
	try {
		const text = records.map(record => JSON.stringify(record) + '\n').join('');
		await file.writeFile(text, 'utf8');
		await file.sync();
	} finally {
		await file.close();
	}
};
