import type {Key} from 'ink';

import type {CommandContext} from './command-context.js';
import {kickTargets} from './kick-targets.js';

// The kick and clear dialogs: what opens them and what each answer does.

const refuseWhenReadOnly = (
	context: CommandContext,
	action: 'kick' | 'clear',
): boolean => {
	if (context.isReadOnly) {
		context.setStatus({
			text: `read-only (--read-only): ${action} is disabled`,
			tone: 'error',
		});
	}

	return context.isReadOnly;
};

/** Marked users, else the user under the cursor (or zoomed in on). */
export const openKickDialog = (
	context: CommandContext,
	selectedUser: string | undefined,
): void => {
	if (refuseWhenReadOnly(context, 'kick')) {
		return;
	}

	const ui = context.ui();
	const chosen =
		ui.marked.size > 0
			? [...ui.marked]
			: [ui.zoomedUser ?? selectedUser].filter(
					(id): id is string => id !== undefined,
				);
	if (chosen.length === 0) {
		context.setStatus({text: 'no user selected to kick', tone: 'error'});
		return;
	}

	context.dispatch({
		type: 'open-dialog',
		dialog: {kind: 'kick', targets: kickTargets(context.fleet, chosen)},
	});
};

export const openClearDialog = (context: CommandContext): void => {
	if (refuseWhenReadOnly(context, 'clear')) {
		return;
	}

	const isFleet = context.servers.length > 1;
	context.dispatch({
		type: 'open-dialog',
		// One server is ticked for you; of several, you tick which.
		dialog: {kind: 'clear', chosen: context.servers.map(() => !isFleet)},
	});
};

/** `y` confirms; in the clear dialog digits tick servers and `z` resets. */
export const answerDialog = (
	input: string,
	key: Key,
	context: CommandContext,
): void => {
	const {dispatch, servers, setStatus, startKicks, clear} = context;
	const isFleet = servers.length > 1;
	const {dialog} = context.ui();
	if (dialog?.kind === 'clear' && /^[1-9]$/.test(input) && isFleet) {
		const index = Number(input) - 1;
		if (index < servers.length) {
			const chosen = dialog.chosen.map((value, position) =>
				position === index ? !value : value,
			);
			dispatch({type: 'open-dialog', dialog: {kind: 'clear', chosen}});
		}

		return;
	}

	dispatch({type: 'close-dialog'});
	const isYes = input === 'y' && !key.ctrl;
	if (dialog === undefined || dialog.kind === 'help') {
		return;
	}

	if (dialog.kind === 'clear' && input === 'z') {
		resetSession(context);
		return;
	}

	if (!isYes) {
		setStatus({text: `${dialog.kind} cancelled`, tone: 'info'});
		return;
	}

	if (dialog.kind === 'kick') {
		startKicks(dialog.targets);
		dispatch({type: 'clear-marks'});
	} else {
		clear(dialog.chosen);
	}
};

/** `z`: hytop's own totals and graphs start again; the server is not touched. */
export const resetSession = (context: CommandContext): void => {
	context.fleetDispatch({type: 'reset-session'});
	context.setStatus({
		text: "hytop's session totals and graphs reset (server untouched)",
		tone: 'success',
	});
};
