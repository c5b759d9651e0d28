// The control sequences the screen diff writes (cursor moves are in
// cursor-moves.ts).
const escape = '\u001B[';

export const eraseScreen = `${escape}2J`;
export const home = `${escape}H`;
export const eraseToLineEnd = `${escape}K`;
export const reset = `${escape}0m`;
// Auto-wrap off while drawing: a line laid out for a wider terminal (just
// before a resize) is cut at the edge instead of wrapping and scrolling.
export const wrapOff = `${escape}?7l`;
export const wrapOn = `${escape}?7h`;
