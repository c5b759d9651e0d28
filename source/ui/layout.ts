import type {PaneName} from './ui-state.js';

export const minColumns = 40;
export const minRows = 10;

/** Each pane's title and column header. */
const paneChromeLines = 2;
/** Below this many rows per pane, one pane at a time is shown. */
const minPaneRows = 4;

export type Layout =
	| {readonly kind: 'too-small'}
	| {
			readonly kind: 'panes';
			/** Lines between the header and the footer. */
			readonly bodyHeight: number;
			/** Rows of data per pane; 0 for a pane that is not shown. */
			readonly usersHeight: number;
			readonly streamsHeight: number;
	  };

/**
How the screen is shared. A frame stays one line shorter than the terminal:
a taller one makes Ink clear and redraw the whole screen every time.
*/
export const computeLayout = ({
	columns,
	rows,
	chromeLines,
	focus,
	userCount,
}: {
	readonly columns: number;
	readonly rows: number;
	/** Header and footer lines together. */
	readonly chromeLines: number;
	readonly focus: PaneName;
	readonly userCount: number;
}): Layout => {
	const bodyHeight = rows - 1 - chromeLines;
	if (columns < minColumns || rows < minRows || bodyHeight < 3) {
		return {kind: 'too-small'};
	}

	const bothRows = bodyHeight - 2 * paneChromeLines;
	if (bothRows < 2 * minPaneRows) {
		const single = bodyHeight - paneChromeLines;
		return focus === 'users'
			? {kind: 'panes', bodyHeight, usersHeight: single, streamsHeight: 0}
			: {kind: 'panes', bodyHeight, usersHeight: 0, streamsHeight: single};
	}

	const usersHeight = Math.min(
		Math.max(minPaneRows, userCount),
		Math.floor(bothRows / 2),
	);
	return {
		kind: 'panes',
		bodyHeight,
		usersHeight,
		streamsHeight: bothRows - usersHeight,
	};
};
