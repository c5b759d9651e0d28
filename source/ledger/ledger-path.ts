import {homedir} from 'node:os';
import {join} from 'node:path';

/**
Where cleared counters are kept by default: the XDG state directory, the
place for data that should survive restarts but is not configuration.
*/
export const defaultLedgerPath = (
	environment: NodeJS.ProcessEnv,
	home = homedir(),
): string => {
	const state = environment['XDG_STATE_HOME'];
	const base = state && state.startsWith('/') ? state : join(home, '.local', 'state');
	return join(base, 'hytop', 'ledger.jsonl');
};
