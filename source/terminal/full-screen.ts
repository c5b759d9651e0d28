// htop-style full screen: the alternate screen buffer keeps the shell's
// scrollback untouched, and everything is put back however hytop ends.

const enterAlternateScreen = '\u001B[?1049h\u001B[H';
const leaveAlternateScreen = '\u001B[?1049l';
const showCursor = '\u001B[?25h';

export type FullScreen = {
	/** Puts the terminal back; safe to call more than once. */
	readonly restore: () => void;
};

let active: FullScreen | undefined;

/** Restores the screen entered last, if any: for fatal-error paths. */
export const restoreScreen = () => {
	active?.restore();
};

export const enterFullScreen = (
	stdout: NodeJS.WriteStream,
	stdin: NodeJS.ReadStream,
): FullScreen => {
	let isRestored = false;
	const restore = () => {
		if (isRestored) {
			return;
		}

		isRestored = true;
		process.off('exit', restore);
		if (stdin.isTTY) {
			try {
				stdin.setRawMode(false);
			} catch {
				// The terminal may already be gone (ssh dropped): nothing to restore.
			}
		}

		stdout.write(showCursor + leaveAlternateScreen);
	};

	stdout.write(enterAlternateScreen);
	// The last resort: even a synchronous exit puts the screen back.
	process.on('exit', restore);
	active = {restore};
	return active;
};
