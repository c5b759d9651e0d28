import {type Dispatch, useCallback} from 'react';

import {isApiError} from '../api/api-error.js';
import {appendToLedger, ledgerRecords} from '../ledger/ledger.js';
import type {FleetAction} from '../model/fleet-state.js';
import type {StatusMessage} from './ui-state.js';
import type {WatchedServer} from './use-fleet.js';

const errorText = (error: unknown) =>
	error instanceof Error ? error.message : 'unknown error';

/**
A clear that got no answer may still have happened on the server, and one
answered with an unreadable body did happen: saying "failed" would invite a
second clear, which loses more of other tools' data.
*/
const describeClearFailure = (error: unknown): string => {
	if (!isApiError(error)) {
		return `clear failed: ${errorText(error)}`;
	}

	switch (error.kind) {
		case 'timeout':
		case 'reset':
		case 'network': {
			return (
				`clear may have been applied (${error.message}): ` +
				'check the counters before clearing again'
			);
		}

		case 'invalid-response':
		case 'too-large': {
			return (
				`cleared, but the answer was unreadable (${error.message}): ` +
				'the totals could not be saved to the ledger'
			);
		}

		default: {
			return `clear failed: ${error.message}`;
		}
	}
};

/**
Clears the chosen servers' counters. What each server returns (its totals
just before the clear) goes to the ledger, written and flushed before the
screen says "cleared"; a ledger that cannot be written is said loudly.
*/
export const useClear = (
	servers: readonly WatchedServer[],
	ledgerPath: string,
	dispatch: Dispatch<FleetAction>,
	onStatus: (status: Omit<StatusMessage, 'atMs'>) => void,
	pollNow: () => void,
): ((chosen: readonly boolean[]) => void) =>
	useCallback(
		(chosen: readonly boolean[]) => {
			const targets = servers.flatMap((server, index) =>
				chosen[index] ? [{server, index}] : [],
			);
			if (targets.length === 0) {
				onStatus({text: 'clear: no server chosen', tone: 'error'});
				return;
			}

			const many = servers.length > 1;
			onStatus({text: 'clearing the server’s counters…', tone: 'info'});
			const clearOne = async ({
				server,
				index,
			}: {
				server: WatchedServer;
				index: number;
			}): Promise<string> => {
				const where = many ? `${server.name}: ` : '';
				let traffic;
				try {
					traffic = await server.client.traffic({clear: true});
				} catch (error) {
					throw new Error(where + describeClearFailure(error));
				}

				dispatch({type: 'cleared', server: index, traffic});
				try {
					await appendToLedger(
						ledgerPath,
						ledgerRecords(server.client.url, traffic, new Date()),
					);
				} catch (error) {
					throw new Error(
						`${where}cleared, but the ledger ${ledgerPath} could not ` +
							`be written (${errorText(error)}): ` +
							`${traffic.size} users' totals are not saved`,
					);
				}

				return `${where}cleared (${traffic.size} users' totals saved to the ledger)`;
			};

			void Promise.allSettled(targets.map(clearOne)).then(outcomes => {
				const failures = outcomes.flatMap(outcome =>
					outcome.status === 'rejected' ? [errorText(outcome.reason)] : [],
				);
				const successes = outcomes.flatMap(outcome =>
					outcome.status === 'fulfilled' ? [outcome.value] : [],
				);
				onStatus(
					failures.length > 0
						? {text: failures.join('; '), tone: 'error'}
						: {text: successes.join('; '), tone: 'success'},
				);
				for (const text of [...failures, ...successes]) {
					dispatch({
						type: 'event',
						event: {
							atMs: Date.now(),
							text,
							tone: failures.includes(text) ? 'error' : 'success',
						},
					});
				}

				pollNow();
			});
		},
		[servers, ledgerPath, dispatch, onStatus, pollNow],
	);
