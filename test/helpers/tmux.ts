import {execFile} from 'node:child_process';
import {promisify} from 'node:util';

const run = promisify(execFile);

/**
A terminal of a given size running one shell command, on a tmux server of
its own so tests never touch the operator's sessions.
*/
export type Terminal = {
	readonly screen: () => Promise<string>;
	/** The screen with its colour and style escape sequences kept. */
	readonly screenWithEscapes: () => Promise<string>;
	readonly waitForScreen: (
		isDone: (screen: string) => boolean,
		timeoutMs?: number,
	) => Promise<string>;
	readonly waitForText: (
		text: string | RegExp,
		timeoutMs?: number,
	) => Promise<string>;
	readonly sendKeys: (...keys: string[]) => Promise<void>;
	/** A tmux format such as `#{alternate_on}` for the pane. */
	readonly query: (format: string) => Promise<string>;
	readonly resize: (columns: number, rows: number) => Promise<void>;
	readonly close: () => Promise<void>;
};

let counter = 0;

export const openTerminal = async (
	command: string,
	{columns = 100, rows = 30} = {},
): Promise<Terminal> => {
	const socket = `hytop-test-${process.pid}-${counter++}`;
	const tmux = async (...args: string[]) =>
		(await run('tmux', ['-L', socket, '-f', '/dev/null', ...args])).stdout;

	await tmux(
		'new-session',
		'-d',
		'-s',
		'main',
		'-x',
		String(columns),
		'-y',
		String(rows),
		`${command}; echo "EXIT=$?"; sleep 60`,
	);

	const screen = async () => tmux('capture-pane', '-p');

	const waitForScreen: Terminal['waitForScreen'] = async (
		isDone,
		timeoutMs = 10_000,
	) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			// eslint-disable-next-line no-await-in-loop
			const value = await screen();
			if (isDone(value)) {
				return value;
			}

			if (Date.now() > deadline) {
				throw new Error(`terminal never showed what was awaited:\n${value}`);
			}

			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => {
				setTimeout(resolve, 50);
			});
		}
	};

	return {
		screen,
		screenWithEscapes: async () => tmux('capture-pane', '-p', '-e'),
		waitForScreen,
		async waitForText(text, timeoutMs) {
			return waitForScreen(
				value =>
					typeof text === 'string' ? value.includes(text) : text.test(value),
				timeoutMs,
			);
		},
		async sendKeys(...keys) {
			await tmux('send-keys', '-t', 'main', ...keys);
		},
		async query(format) {
			return (await tmux('display-message', '-p', '-t', 'main', format)).trim();
		},
		async resize(newColumns, newRows) {
			await tmux(
				'resize-window',
				'-t',
				'main',
				'-x',
				String(newColumns),
				'-y',
				String(newRows),
			);
		},
		async close() {
			// The pane's whole process group goes first: a wrapper such as
			// `script` outlives a killed tmux server otherwise.
			const panePid = Number(
				await tmux('display-message', '-p', '-t', 'main', '#{pane_pid}').catch(
					() => '',
				),
			);
			if (panePid > 0) {
				try {
					process.kill(-panePid, 'SIGTERM');
				} catch {
					// Already gone.
				}
			}

			await tmux('kill-server').catch(() => undefined);
		},
	};
};
