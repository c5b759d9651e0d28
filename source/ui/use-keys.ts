import {type Key, useInput} from 'ink';
import {useCallback, useRef} from 'react';

import type {Move} from './ui-state.js';

export type KeyCommand =
	| {readonly type: 'focus-next'}
	| {readonly type: 'move'; readonly move: Move}
	| {readonly type: 'kick'}
	| {readonly type: 'clear'}
	| {readonly type: 'pause'}
	| {readonly type: 'help'}
	| {readonly type: 'quit'};

/** What a key means on the main screen, or undefined for an unbound key. */
export const commandForKey = (
	input: string,
	key: Key,
	pageRows: number,
): KeyCommand | undefined => {
	if (key.tab) {
		return {type: 'focus-next'};
	}

	if (key.upArrow) {
		return {type: 'move', move: {by: -1}};
	}

	if (key.downArrow) {
		return {type: 'move', move: {by: 1}};
	}

	if (key.pageUp) {
		return {type: 'move', move: {by: -pageRows}};
	}

	if (key.pageDown) {
		return {type: 'move', move: {by: pageRows}};
	}

	if (key.home) {
		return {type: 'move', move: {to: 'first'}};
	}

	if (key.end) {
		return {type: 'move', move: {to: 'last'}};
	}

	if (key.ctrl || key.meta) {
		return input === 'c' ? {type: 'quit'} : undefined;
	}

	switch (input) {
		case 'k': {
			return {type: 'kick'};
		}

		case 'c': {
			return {type: 'clear'};
		}

		case 'p': {
			return {type: 'pause'};
		}

		case '?': {
			return {type: 'help'};
		}

		case 'q': {
			return {type: 'quit'};
		}

		default: {
			return undefined;
		}
	}
};

export type KeyHandlers = {
	/** Keys while no dialog is open. */
	readonly onCommand: (command: KeyCommand) => void;
	/** Any key while a dialog is open; `isYes` for `y` alone. */
	readonly onDialogKey: (isYes: boolean) => void;
	readonly isDialogOpen: boolean;
	readonly pageRows: number;
};

/**
Turns keypresses into commands; it only dispatches. The handlers are read
through a ref, so a key that arrives right after a frame is drawn is judged
against that frame's rows, not the previous render's.
*/
export const useKeys = (handlers: KeyHandlers) => {
	const handlersRef = useRef(handlers);
	handlersRef.current = handlers;

	const onInput = useCallback((input: string, key: Key) => {
		const {onCommand, onDialogKey, isDialogOpen, pageRows} =
			handlersRef.current;
		if (isDialogOpen) {
			const isQuit = key.ctrl && input === 'c';
			if (isQuit) {
				onCommand({type: 'quit'});
				return;
			}

			onDialogKey(input === 'y' || input === 'Y');
			return;
		}

		const command = commandForKey(input, key, pageRows);
		if (command) {
			onCommand(command);
		}
	}, []);

	useInput(onInput);
};
