import {Box, Text} from 'ink';

import {keyHelp} from './key-help.js';

export type HelpOverlayProps = {
	readonly width: number;
	readonly height: number;
	readonly isReadOnly: boolean;
};

const keyWidth = 16;

type Entries = ReadonlyArray<readonly [keys: string, action: string]>;

const KeyList = ({entries}: {readonly entries: Entries}) => (
	<Box flexDirection="column" flexGrow={1} flexBasis={0}>
		{entries.map(([keys, action]) => (
			<Text key={keys} wrap="truncate">
				<Text color="cyan">{keys.padEnd(keyWidth)}</Text>
				{action}
			</Text>
		))}
	</Box>
);

/**
Every key. When one column does not fit the height, the list is split in
two side by side; what still does not fit is cut, never squeezed.
*/
export const HelpOverlay = ({width, height, isReadOnly}: HelpOverlayProps) => {
	// Border, title and the closing note take four lines.
	const room = Math.max(1, height - 4 - (isReadOnly ? 1 : 0));
	const isSplit = keyHelp.length > room;
	const half = Math.ceil(keyHelp.length / 2);
	const columns = isSplit
		? [keyHelp.slice(0, Math.min(half, room)), keyHelp.slice(half, half + room)]
		: [keyHelp];

	return (
		<Box
			flexDirection="column"
			width={width}
			height={height}
			borderStyle="round"
			paddingX={1}
			overflow="hidden"
		>
			<Text bold wrap="truncate">
				Keys <Text dimColor>(any key closes this)</Text>
			</Text>
			<Box flexDirection="row" flexShrink={0}>
				{columns.map(entries => (
					<KeyList key={entries[0]?.[0] ?? ''} entries={entries} />
				))}
			</Box>
			<Text wrap="truncate">
				up = the client&apos;s upload, down = its download.
			</Text>
			{isReadOnly && (
				<Text color="yellow" wrap="truncate">
					Read-only: kick and clear are disabled.
				</Text>
			)}
		</Box>
	);
};
