import {EventEmitter} from 'node:events';

import {classifyInkWrite} from './ink-write.js';
import {diffFrames} from './screen-diff.js';

type WriteCallback = (error?: Error | null) => void;

/**
A stdout for Ink that sends the terminal only the cells that changed since
the last frame. Only for a screen hytop owns whole (the alternate screen):
it places lines by absolute row. Size, TTY-ness and resize events are those
of the real stdout.
*/
export class ScreenDiffStdout extends EventEmitter {
	readonly #stdout: NodeJS.WriteStream;
	/** The lines on screen, or undefined when they must be drawn anew. */
	#screen: readonly string[] | undefined;
	readonly #onResize = () => {
		// Terminals reflow or clip on resize: what is shown is unknown.
		this.#screen = undefined;
		this.emit('resize');
	};

	constructor(stdout: NodeJS.WriteStream) {
		super();
		this.#stdout = stdout;
		stdout.on('resize', this.#onResize);
	}

	get columns(): number {
		return this.#stdout.columns;
	}

	get rows(): number {
		return this.#stdout.rows;
	}

	get isTTY(): boolean {
		return this.#stdout.isTTY;
	}

	write(
		chunk: string | Uint8Array,
		encodingOrCallback?: BufferEncoding | WriteCallback,
		callback?: WriteCallback,
	): boolean {
		const done =
			typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
		const text =
			typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
		const write = classifyInkWrite(text);
		if (write.kind === 'control') {
			if (!write.isHarmless) {
				this.#screen = undefined;
			}

			return this.#stdout.write(text, done);
		}

		// A frame taller than the screen (laid out just before a resize)
		// would scroll it, and every row would be off by the overflow.
		const rows = this.#stdout.rows || write.lines.length;
		const lines =
			write.lines.length > rows ? write.lines.slice(0, rows) : write.lines;
		const output = diffFrames(
			this.#screen,
			lines,
			this.#stdout.columns || undefined,
		);
		this.#screen = lines;
		if (output === '') {
			done?.();
			return true;
		}

		return this.#stdout.write(output, done);
	}

	/** Forget what is on screen: the next frame is drawn whole. */
	invalidate(): void {
		this.#screen = undefined;
	}

	/** Stops following the real stdout's resize events. */
	dispose(): void {
		this.#stdout.off('resize', this.#onResize);
	}
}

/** The wrapper typed as the stream Ink's `render` accepts. */
export const createScreenDiffStdout = (
	stdout: NodeJS.WriteStream,
): ScreenDiffStdout & NodeJS.WriteStream =>
	new ScreenDiffStdout(stdout) as ScreenDiffStdout & NodeJS.WriteStream;
