import type {PaneName} from './ui-state.js';

export const minColumns = 40;
export const minRows = 10;

/** Header (2 lines) and footer (status and hints). */
const chromeLines = 4;
/** Each pane's title and column header. */
const paneChromeLines = 2;
/** Below this many rows per pane, one pane at a time is shown. */
const minPaneRows = 4;

export type Layout =
	| {readonly kind: 'too-small'}
	| {
			readonly kind: 'panes';
			/** Rows of data per pane; 0 for a pane that is not shown. */
			readonly usersHeight: number;
			readonly streamsHeight: number;
	  };

/**
How the screen is shared. A frame stays one line shorter than the terminal:
a taller one makes Ink clear and redraw the whole screen every time.
*/
export const computeLayout = (
	columns: number,
	rows: number,
	focus: PaneName,
	userCount: number,
): Layout => {
	if (columns < minColumns || rows < minRows) {
		return {kind: 'too-small'};
	}

	const budget = rows - 1 - chromeLines;
	const bothRows = budget - 2 * paneChromeLines;
	if (bothRows < 2 * minPaneRows) {
		const single = budget - paneChromeLines;
		return focus === 'users'
			? {kind: 'panes', usersHeight: single, streamsHeight: 0}
			: {kind: 'panes', usersHeight: 0, streamsHeight: single};
	}

	const usersHeight = Math.min(
		Math.max(minPaneRows, userCount),
		Math.floor(bothRows / 2),
	);
	return {kind: 'panes', usersHeight, streamsHeight: bothRows - usersHeight};
};
