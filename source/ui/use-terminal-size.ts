import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {readonly columns: number; readonly rows: number};

const fallbackSize: TerminalSize = {columns: 80, rows: 24};

const readSize = (stdout: NodeJS.WriteStream): TerminalSize => ({
	columns: stdout.columns || fallbackSize.columns,
	rows: stdout.rows || fallbackSize.rows,
});

/** The terminal's size, updated on every resize. */
export const useTerminalSize = (): TerminalSize => {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => readSize(stdout));

	useEffect(() => {
		const onResize = () => {
			setSize(readSize(stdout));
		};

		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);

	return size;
};
