import {Text} from 'ink';
import stringWidth from 'string-width';

import type {StatusMessage} from './ui-state.js';
import {footerHints} from './key-help.js';

const toneColors = {info: undefined, success: 'green', error: 'red'} as const;

export type FooterProps = {
	/** The latest outcome of an action, or an endpoint's problem. */
	readonly status: StatusMessage | undefined;
	readonly width: number;
};

/** Two lines: the status line, then the key hints that fit. */
export const Footer = ({status, width}: FooterProps) => {
	const hint =
		footerHints.find(text => stringWidth(text) <= width) ?? footerHints.at(-1);

	return (
		<>
			<Text wrap="truncate" color={status ? toneColors[status.tone] : undefined}>
				{status?.text ?? ' '}
			</Text>
			<Text dimColor wrap="truncate">
				{hint}
			</Text>
		</>
	);
};
