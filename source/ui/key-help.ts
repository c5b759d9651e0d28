/** Every key, as the help overlay lists it. */
export const keyHelp: ReadonlyArray<readonly [keys: string, action: string]> = [
	['Tab / Shift-Tab', 'switch between the users and streams panes'],
	['↑ ↓', 'move the selection'],
	['PgUp PgDn', 'move a page'],
	['Home End', 'first / last row'],
	['k', 'kick the selected user (or the user of the selected stream)'],
	['c', "clear the server's traffic counters"],
	['p', 'pause / resume polling'],
	['?', 'show / hide this help'],
	['q  Ctrl-C', 'quit'],
];

/** The footer's hints, shortest last: the first that fits is shown. */
export const footerHints: readonly string[] = [
	'Tab pane  ↑↓ select  k kick  c clear  p pause  ? help  q quit',
	'Tab ↑↓  k kick  c clear  p pause  ? help  q quit',
	'k kick  c clear  ? help  q quit',
	'? help  q quit',
];
