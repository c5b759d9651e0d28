import {Text} from 'ink';
import stringWidth from 'string-width';

import type {FleetEvent} from '../model/fleet-events.js';
import {boundedCache} from '../terminal/bounded-cache.js';
import {footerHints, readOnlyHints} from './key-help.js';
import {paint, paintDim} from './paint.js';
import type {StatusMessage} from './ui-state.js';

const toneColors = {info: undefined, success: 'green', error: 'red'} as const;

/** Lines the footer takes, for the layout. */
export const footerHeight = 3;

// An event's time of day, worked out once: formatting a date in the local
// time zone is slow, and the same few events are shown frame after frame.
const timeOfDay = boundedCache(64, atMs =>
	new Date(Number(atMs)).toTimeString().slice(0, 8),
);
const clock = (atMs: number): string => timeOfDay(String(atMs));

export type FooterProps = {
	/** The newest events, newest last. */
	readonly events: readonly FleetEvent[];
	/** What an action is doing, or an endpoint's problem. */
	readonly status: StatusMessage | undefined;
	readonly width: number;
	/** Kick and clear are off: their keys are not offered. */
	readonly isReadOnly: boolean;
	/** Polling is paused: p resumes it. */
	readonly isPaused: boolean;
};

/** The event line, the status line, then the key hints that fit. */
export const Footer = ({
	events,
	status,
	width,
	isReadOnly,
	isPaused,
}: FooterProps) => {
	const offered = isReadOnly ? readOnlyHints : footerHints;
	const hints = isPaused
		? offered.map(text => text.replace('p pause', 'p resume'))
		: offered;
	const hint = hints.find(text => stringWidth(text) <= width) ?? hints.at(-1);
	const recent = events.slice(-3).reverse();

	return (
		<>
			<Text wrap="truncate" dimColor={recent.length === 0}>
				{recent.length === 0
					? 'no events yet'
					: recent
							.map(
								(event, index) =>
									(index > 0 ? '  ·  ' : '') +
									paintDim(`${clock(event.atMs)} `) +
									paint(event.text, toneColors[event.tone], false),
							)
							.join('')}
			</Text>
			<Text wrap="truncate" color={status ? toneColors[status.tone] : undefined}>
				{status?.text ?? ' '}
			</Text>
			<Text dimColor wrap="truncate">
				{hint}
			</Text>
		</>
	);
};
