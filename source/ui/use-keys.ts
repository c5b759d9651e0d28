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
	| {readonly type: 'quit'}
	| {readonly type: 'filter'}
	| {readonly type: 'escape'}
	| {readonly type: 'sort'; readonly step: 1 | -1}
	| {readonly type: 'reverse'}
	| {readonly type: 'zoom'}
	| {readonly type: 'units'}
	| {readonly type: 'interval'; readonly step: 1 | -1}
	| {readonly type: 'mark'}
	| {readonly type: 'reset-session'};

const moveForKey = (key: Key, pageRows: number): Move | undefined => {
	if (key.upArrow) {
		return {by: -1};
	}

	if (key.downArrow) {
		return {by: 1};
	}

	if (key.pageUp) {
		return {by: -pageRows};
	}

	if (key.pageDown) {
		return {by: pageRows};
	}

	if (key.home) {
		return {to: 'first'};
	}

	return key.end ? {to: 'last'} : undefined;
};

const letterCommands: Readonly<Record<string, KeyCommand>> = {
	k: {type: 'kick'},
	c: {type: 'clear'},
	p: {type: 'pause'},
	'?': {type: 'help'},
	q: {type: 'quit'},
	'/': {type: 'filter'},
	'<': {type: 'sort', step: -1},
	'>': {type: 'sort', step: 1},
	r: {type: 'reverse'},
	u: {type: 'units'},
	'+': {type: 'interval', step: 1},
	'=': {type: 'interval', step: 1},
	'-': {type: 'interval', step: -1},
	' ': {type: 'mark'},
	z: {type: 'reset-session'},
};

/** What a key means on the main screen, or undefined for an unbound key. */
export const commandForKey = (
	input: string,
	key: Key,
	pageRows: number,
): KeyCommand | undefined => {
	if (key.tab) {
		return {type: 'focus-next'};
	}

	const move = moveForKey(key, pageRows);
	if (move) {
		return {type: 'move', move};
	}

	if (key.escape) {
		return {type: 'escape'};
	}

	if (key.return) {
		return {type: 'zoom'};
	}

	if (key.ctrl || key.meta) {
		return input === 'c' ? {type: 'quit'} : undefined;
	}

	return letterCommands[input];
};

/** What a key does while the filter box has the keys. */
export type FilterEdit =
	| {readonly type: 'append'; readonly text: string}
	| {readonly type: 'erase'}
	| {readonly type: 'accept'}
	| {readonly type: 'cancel'};

export const filterEditForKey = (
	input: string,
	key: Key,
): FilterEdit | undefined => {
	if (key.return) {
		return {type: 'accept'};
	}

	if (key.escape) {
		return {type: 'cancel'};
	}

	if (key.backspace || key.delete) {
		return {type: 'erase'};
	}

	// Only printable text goes in the box: never control characters.
	const printable = [...input].filter(char => char >= ' ' && char !== '\u007F');
	return key.ctrl || key.meta || printable.length === 0
		? undefined
		: {type: 'append', text: printable.join('')};
};

/** `dialog-pending`: a dialog was asked for in this chunk of keys. */
export type KeyMode = 'main' | 'filter' | 'dialog' | 'dialog-pending';

export type KeyHandlers = {
	readonly mode: KeyMode;
	readonly pageRows: number;
	readonly onCommand: (command: KeyCommand) => void;
	readonly onFilterEdit: (edit: FilterEdit) => void;
	/** Any key while a dialog is open. */
	readonly onDialogKey: (input: string, key: Key) => void;
};

const plainKey = (char: string): Key => ({
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: char === '\r' || char === '\n',
	escape: false,
	ctrl: false,
	shift: false,
	tab: char === '\t',
	backspace: char === '\b',
	delete: char === '\u007F',
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
});

/**
Turns keypresses into commands; it only dispatches. The handlers are read
through a ref, so a key that arrives right after a frame is drawn is judged
against that frame's rows, not the previous render's.
*/
export const useKeys = (handlers: KeyHandlers) => {
	const handlersRef = useRef(handlers);
	handlersRef.current = handlers;

	const onInput = useCallback((input: string, key: Key) => {
		const current = handlersRef.current;
		if (key.ctrl && input === 'c') {
			current.onCommand({type: 'quit'});
			return;
		}

		// Fast typing (or tmux, or a paste) can bring several keys in one
		// chunk: `/bob` must open the filter and type "bob" into it.
		const isChunk = input.length > 1 && !key.ctrl && !key.meta;
		const presses: Array<[string, Key]> = isChunk
			? [...input].map(char => [char, plainKey(char)])
			: [[input, key]];
		let {mode} = current;
		for (const [char, charKey] of presses) {
			mode = handleKey(current, mode, char, charKey);
		}
	}, []);

	useInput(onInput);
};

/** Handles one key in `mode`; returns the mode the next key meets. */
const handleKey = (
	handlers: KeyHandlers,
	mode: KeyMode,
	input: string,
	key: Key,
): KeyMode => {
	switch (mode) {
		case 'dialog': {
			handlers.onDialogKey(input, key);
			return 'main';
		}

		case 'filter': {
			const move = moveForKey(key, handlers.pageRows);
			if (move) {
				handlers.onCommand({type: 'move', move});
				return mode;
			}

			const edit = filterEditForKey(input, key);
			if (edit) {
				handlers.onFilterEdit(edit);
			}

			return edit?.type === 'accept' || edit?.type === 'cancel'
				? 'main'
				: 'filter';
		}

		case 'main': {
			const command = commandForKey(input, key, handlers.pageRows);
			if (command) {
				handlers.onCommand(command);
			}

			// Keys after one that opens a dialog wait for it to be drawn.
			if (
				command?.type === 'kick' ||
				command?.type === 'clear' ||
				command?.type === 'help'
			) {
				return 'dialog-pending';
			}

			return command?.type === 'filter' ? 'filter' : 'main';
		}

		case 'dialog-pending': {
			return mode;
		}
	}
};
