import {Box, Text} from 'ink';

export type ConfirmDialogProps = {
	readonly title: string;
	readonly lines: readonly string[];
	readonly width: number;
};

/** A question that `y` confirms and any other key cancels. */
export const ConfirmDialog = ({title, lines, width}: ConfirmDialogProps) => (
	<Box
		flexDirection="column"
		width={Math.min(width, 72)}
		borderStyle="double"
		borderColor="yellow"
		paddingX={1}
	>
		<Text bold color="yellow" wrap="truncate">
			{title}
		</Text>
		{lines.map(line => (
			<Text key={line}>{line}</Text>
		))}
		<Text bold>y: yes · any other key: no</Text>
	</Box>
);
