import {Box, Text} from 'ink';
import type {ReactNode} from 'react';

import {sanitizeText} from '../format/sanitize-text.js';
import type {KickTarget} from './ui-state.js';

type FrameProps = {
	readonly title: string;
	readonly width: number;
	readonly children: ReactNode;
};

const DialogFrame = ({title, width, children}: FrameProps) => (
	<Box
		flexDirection="column"
		width={Math.min(width, 76)}
		borderStyle="double"
		borderColor="yellow"
		paddingX={1}
	>
		<Text bold color="yellow" wrap="truncate">
			{title}
		</Text>
		{children}
	</Box>
);

/** How many users a kick dialog names before summing up the rest. */
const namedLimit = 6;

export type KickDialogProps = {
	readonly targets: readonly KickTarget[];
	readonly serverNames: readonly string[];
	readonly width: number;
};

export const KickDialog = ({targets, serverNames, width}: KickDialogProps) => {
	const isFleet = serverNames.length > 1;
	const users = new Set(targets.map(target => target.userId));
	const listed = targets.slice(0, namedLimit);

	return (
		<DialogFrame
			title={`Kick ${users.size === 1 ? 'this user' : `these ${users.size} users`}?`}
			width={width}
		>
			{listed.map(target => (
				<Text key={`${target.server}:${target.userId}`} wrap="truncate">
					{'  '}
					{`"${sanitizeText(target.userId)}"`}
					{isFleet ? ` on ${sanitizeText(serverNames[target.server] ?? '')}` : ''}
					{target.devices === undefined
						? ' (devices unknown)'
						: ` (${target.devices} device${target.devices === 1 ? '' : 's'} online)`}
				</Text>
			))}
			{targets.length > listed.length && (
				<Text>  and {targets.length - listed.length} more</Text>
			)}
			<Text>
				hytop kicks until every device is gone (one kick drops one device).
			</Text>
			<Text>
				Clients reconnect by themselves unless the user is blocked in the
				authentication backend.
			</Text>
			<Text bold>y: kick · any other key: no (default)</Text>
		</DialogFrame>
	);
};

export type ClearDialogProps = {
	readonly chosen: readonly boolean[];
	readonly serverNames: readonly string[];
	readonly width: number;
};

export const ClearDialog = ({chosen, serverNames, width}: ClearDialogProps) => {
	const isFleet = serverNames.length > 1;

	return (
		<DialogFrame title="Clear the server's traffic counters?" width={width}>
			<Text>
				Every user total on the server goes back to zero. Other tools that
				read /traffic (a billing panel, a script) lose the bytes counted since
				their last read.
			</Text>
			<Text>
				The totals returned by the clear are appended to the ledger first.
			</Text>
			{isFleet &&
				serverNames.map((name, index) => (
					<Text key={name} wrap="truncate">
						{'  '}
						{index + 1}: [{chosen[index] ? 'x' : ' '}] {sanitizeText(name)}
					</Text>
				))}
			<Text bold>
				y: clear {isFleet ? 'the ticked servers' : 'the server'}
				{isFleet ? ' · 1-9: tick' : ''} · z: reset only hytop&apos;s session
				totals · any other key: cancel
			</Text>
		</DialogFrame>
	);
};
