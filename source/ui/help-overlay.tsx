import {Box, Text} from 'ink';

import {keyHelp} from './key-help.js';

export type HelpOverlayProps = {
	readonly width: number;
	readonly height: number;
	readonly isReadOnly: boolean;
};

export const HelpOverlay = ({width, height, isReadOnly}: HelpOverlayProps) => (
	<Box
		flexDirection="column"
		width={width}
		height={height}
		borderStyle="round"
		paddingX={1}
		overflow="hidden"
	>
		<Text bold>Keys</Text>
		{keyHelp.map(([keys, action]) => (
			<Text key={keys} wrap="truncate">
				<Text color="cyan">{keys.padEnd(16)}</Text>
				{action}
			</Text>
		))}
		<Text> </Text>
		<Text wrap="truncate">
			up = the client&apos;s upload, down = its download.
		</Text>
		{isReadOnly && (
			<Text color="yellow" wrap="truncate">
				Read-only: kick and clear are disabled.
			</Text>
		)}
		<Text dimColor>Press any key to close.</Text>
	</Box>
);
