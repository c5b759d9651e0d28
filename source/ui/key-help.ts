/** Every key, as the help overlay lists it. */
export const keyHelp: ReadonlyArray<readonly [keys: string, action: string]> = [
	['Tab', 'switch between the users and streams panes'],
	['↑ ↓ PgUp PgDn', 'move the selection'],
	['Home End', 'first / last row'],
	['/', 'filter users and streams (!text inverts; Esc clears)'],
	['< >', 'sort the focused pane by the previous / next column'],
	['r', 'reverse the sort'],
	['Enter', "zoom in on the user: its devices and streams (Esc back)"],
	['Space', 'mark or unmark the user'],
	['k', 'kick the marked users, or the selected one, until gone'],
	['c', "clear the server's counters (z in the dialog: local reset)"],
	['z', "reset hytop's own session totals and graphs"],
	['u', 'units: KiB/s, kB/s, Mbit/s'],
	['+ -', 'longer / shorter poll interval (0.5 s steps)'],
	['p', 'pause / resume polling'],
	['?', 'show / hide this help'],
	['q  Ctrl-C', 'quit'],
];

/** The footer's hints, longest first: the first that fits is shown. */
export const footerHints: readonly string[] = [
	'Tab pane  / filter  <> sort  Enter zoom  Space mark  k kick  c clear  ' +
		'z reset  u units  +- interval  p pause  ? help  q quit',
	'Tab pane  / filter  <> sort  Enter zoom  Space mark  k kick  c clear  ' +
		'p pause  ? help  q quit',
	'Tab pane  / filter  Enter zoom  k kick  c clear  ? help  q quit',
	'Tab pane  k kick  ? help  q quit',
	'? help  q quit',
];

/** The same without kick and clear, for --read-only. */
export const readOnlyHints: readonly string[] = footerHints.map(hint =>
	hint.replaceAll(/ {2}[kc] (kick|clear)/g, ''),
);
