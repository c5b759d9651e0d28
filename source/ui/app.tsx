import {Box, Text, useApp} from 'ink';
import {useCallback, useMemo, useReducer} from 'react';

import type {StatsClient} from '../api/client-contract.js';
import {sanitizeText} from '../format/sanitize-text.js';
import {sortStreams, sortUsers} from '../model/sort-rows.js';
import {ConfirmDialog} from './confirm-dialog.js';
import {Footer} from './footer.js';
import {Header} from './header.js';
import {HelpOverlay} from './help-overlay.js';
import {computeLayout} from './layout.js';
import {pickStatus} from './pick-status.js';
import {StreamsPane} from './streams-pane.js';
import {
	type Dialog,
	initialUiState,
	moveSelection,
	selectedIndex,
	type StatusMessage,
	uiReducer,
} from './ui-state.js';
import {type KeyCommand, useKeys} from './use-keys.js';
import {useMonitor} from './use-monitor.js';
import {useOperatorActions} from './use-operator-actions.js';
import {useTerminalSize} from './use-terminal-size.js';
import {UsersPane} from './users-pane.js';

export type AppProps = {
	readonly client: StatsClient;
	readonly intervalMs: number;
	/** The server is hytop's own simulator: say so on screen. */
	readonly isDemo: boolean;
	/** Kick and clear are refused. */
	readonly isReadOnly: boolean;
};

const dialogText = (
	dialog: Exclude<Dialog, {kind: 'help'}>,
): {title: string; lines: string[]} => {
	if (dialog.kind === 'clear') {
		return {
			title: "Clear the server's traffic counters?",
			lines: [
				'Every user total on the server goes back to zero.',
				'Other tools reading /traffic (billing panels, scripts) lose ' +
					'the bytes counted since their last read.',
			],
		};
	}

	const devices =
		dialog.devices === undefined
			? 'one of its devices'
			: `one of its ${dialog.devices} device(s)`;
	return {
		title: `Kick user "${sanitizeText(dialog.userId)}"?`,
		lines: [
			`This drops ${devices} at its next traffic.`,
			'The client reconnects by itself unless the user is blocked in ' +
				'the authentication backend.',
		],
	};
};

export const App = ({client, intervalMs, isDemo, isReadOnly}: AppProps) => {
	const {exit} = useApp();
	const {columns, rows} = useTerminalSize();
	const {monitor, nowMs, isPaused, togglePause, pollNow} = useMonitor(
		client,
		intervalMs,
	);
	const [ui, dispatch] = useReducer(uiReducer, initialUiState);

	const setStatus = useCallback((status: Omit<StatusMessage, 'atMs'>) => {
		dispatch({type: 'status', status: {...status, atMs: Date.now()}});
	}, []);
	const actions = useOperatorActions(
		client,
		monitor.online,
		setStatus,
		pollNow,
	);

	const users = useMemo(
		() => sortUsers(monitor.users, 'rate', true),
		[monitor.users],
	);
	const streams = useMemo(
		() => sortStreams(monitor.streams, 'rate', true),
		[monitor.streams],
	);
	const userKeys = useMemo(() => users.map(row => row.id), [users]);
	const streamKeys = useMemo(() => streams.map(row => row.key), [streams]);

	const layout = computeLayout(columns, rows, ui.focus, users.length);
	const usersIndex = selectedIndex(userKeys, ui.selected.users);
	const streamsIndex = selectedIndex(streamKeys, ui.selected.streams);
	const focusedHeight =
		layout.kind === 'panes'
			? ui.focus === 'users'
				? layout.usersHeight
				: layout.streamsHeight
			: 1;

	const userToKick = (): string | undefined =>
		ui.focus === 'users'
			? users[usersIndex]?.id
			: streams[streamsIndex]?.user;

	const runCommand = (command: KeyCommand) => {
		switch (command.type) {
			case 'focus-next': {
				dispatch({type: 'focus-next'});
				break;
			}

			case 'move': {
				const keys = ui.focus === 'users' ? userKeys : streamKeys;
				const key = moveSelection(keys, ui.selected[ui.focus], command.move);
				if (key !== undefined) {
					dispatch({type: 'select', pane: ui.focus, key});
				}

				break;
			}

			case 'kick': {
				if (isReadOnly) {
					setStatus({text: 'read-only: kick is disabled', tone: 'error'});
					break;
				}

				const userId = userToKick();
				if (userId === undefined) {
					setStatus({text: 'no user selected to kick', tone: 'error'});
					break;
				}

				const devices = monitor.status.online.isSupported
					? (monitor.online?.get(userId) ?? 0)
					: undefined;
				dispatch({
					type: 'open-dialog',
					dialog: {kind: 'kick', userId, devices},
				});
				break;
			}

			case 'clear': {
				if (isReadOnly) {
					setStatus({text: 'read-only: clear is disabled', tone: 'error'});
					break;
				}

				dispatch({type: 'open-dialog', dialog: {kind: 'clear'}});
				break;
			}

			case 'pause': {
				togglePause();
				break;
			}

			case 'help': {
				dispatch({type: 'open-dialog', dialog: {kind: 'help'}});
				break;
			}

			case 'quit': {
				exit();
				break;
			}
		}
	};

	const answerDialog = (isYes: boolean) => {
		const {dialog} = ui;
		dispatch({type: 'close-dialog'});
		if (dialog === undefined || dialog.kind === 'help') {
			return;
		}

		if (!isYes) {
			setStatus({text: `${dialog.kind} cancelled`, tone: 'info'});
			return;
		}

		if (dialog.kind === 'kick') {
			actions.kick(dialog.userId, dialog.devices);
		} else {
			actions.clear();
		}
	};

	useKeys({
		onCommand: runCommand,
		onDialogKey: answerDialog,
		isDialogOpen: ui.dialog !== undefined,
		pageRows: Math.max(1, focusedHeight - 1),
	});

	if (layout.kind === 'too-small') {
		return (
			<Text color="yellow" wrap="truncate">
				Terminal too small ({columns}x{rows}); hytop needs 40x10. q quits.
			</Text>
		);
	}

	const panesHeight = rows - 1 - 4;
	const unavailable = monitor.status.streams.isSupported
		? undefined
		: 'This server has no /dump/streams (Hysteria older than v2.6.0).';

	let body;
	if (ui.dialog?.kind === 'help') {
		body = (
			<HelpOverlay
				width={columns}
				height={panesHeight}
				isReadOnly={isReadOnly}
			/>
		);
	} else if (ui.dialog) {
		const {title, lines} = dialogText(ui.dialog);
		body = (
			<Box height={panesHeight} flexDirection="column">
				<ConfirmDialog title={title} lines={lines} width={columns} />
			</Box>
		);
	} else {
		body = (
			<Box flexDirection="column" height={panesHeight}>
				{layout.usersHeight > 0 && (
					<UsersPane
						rows={users}
						selectedIndex={usersIndex}
						isFocused={ui.focus === 'users'}
						width={columns}
						height={layout.usersHeight}
					/>
				)}
				{layout.streamsHeight > 0 && (
					<StreamsPane
						rows={streams}
						selectedIndex={streamsIndex}
						isFocused={ui.focus === 'streams'}
						width={columns}
						height={layout.streamsHeight}
						unavailableText={unavailable}
					/>
				)}
			</Box>
		);
	}

	return (
		<Box flexDirection="column" width={columns}>
			<Header
				url={client.url}
				isDemo={isDemo}
				monitor={monitor}
				intervalMs={intervalMs}
				isPaused={isPaused}
				nowMs={nowMs}
				width={columns}
			/>
			{body}
			<Footer
				status={pickStatus(ui.status, monitor, nowMs)}
				width={columns}
			/>
		</Box>
	);
};
