import {EventEmitter} from 'node:events';

/**
A 200x50 terminal in memory: what Ink needs of stdout, keeping only the
sizes of what was written.
*/
export class MemoryStdout extends EventEmitter {
	readonly isTTY = true;
	columns: number;
	rows: number;
	writeCount = 0;
	totalBytes = 0;
	largestWriteBytes = 0;
	lastWrite = '';

	constructor(columns = 200, rows = 50) {
		super();
		this.columns = columns;
		this.rows = rows;
	}

	write(chunk: string | Uint8Array): boolean {
		const bytes = Buffer.byteLength(chunk);
		this.writeCount++;
		this.totalBytes += bytes;
		this.largestWriteBytes = Math.max(this.largestWriteBytes, bytes);
		this.lastWrite = String(chunk);
		this.emit('wrote');
		return true;
	}
}
