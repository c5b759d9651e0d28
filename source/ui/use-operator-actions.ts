import {useCallback, useEffect, useRef} from 'react';

import type {StatsClient} from '../api/client-contract.js';
import type {Online} from '../api/types.js';
import {sanitizeText} from '../format/sanitize-text.js';
import type {StatusMessage} from './ui-state.js';

type PendingKick = {
	readonly userId: string;
	/** Devices online when the kick was sent; undefined without /online. */
	readonly devicesBefore: number | undefined;
};

export type OperatorActions = {
	readonly kick: (userId: string, devicesBefore: number | undefined) => void;
	readonly clear: () => void;
};

const quoted = (userId: string) => `"${sanitizeText(userId)}"`;

const errorText = (error: unknown) =>
	error instanceof Error ? error.message : 'unknown error';

/**
Kick and clear, with honest outcomes: a 200 from /kick only means queued, and
"dropped" is said only once /online shows the device count fell.
*/
export const useOperatorActions = (
	client: StatsClient,
	online: Online | undefined,
	onStatus: (status: Omit<StatusMessage, 'atMs'>) => void,
	pollNow: () => void,
): OperatorActions => {
	const pendingRef = useRef<PendingKick[]>([]);

	useEffect(() => {
		if (online === undefined || pendingRef.current.length === 0) {
			return;
		}

		const stillPending: PendingKick[] = [];
		for (const pending of pendingRef.current) {
			const devicesNow = online.get(pending.userId) ?? 0;
			if (
				pending.devicesBefore === undefined ||
				devicesNow >= pending.devicesBefore
			) {
				stillPending.push(pending);
				continue;
			}

			onStatus({
				text:
					`${quoted(pending.userId)}: device dropped ` +
					`(${pending.devicesBefore} → ${devicesNow} online)`,
				tone: 'success',
			});
		}

		pendingRef.current = stillPending;
	}, [online, onStatus]);

	const kick = useCallback(
		(userId: string, devicesBefore: number | undefined) => {
			onStatus({text: `kicking ${quoted(userId)}…`, tone: 'info'});
			client.kick([userId]).then(
				() => {
					pendingRef.current = [
						...pendingRef.current.filter(p => p.userId !== userId),
						{userId, devicesBefore},
					];
					onStatus({
						text:
							`kick queued for ${quoted(userId)}: one device drops ` +
							'at its next traffic',
						tone: 'info',
					});
					pollNow();
				},
				(error: unknown) => {
					onStatus({
						text: `kick of ${quoted(userId)} failed: ${errorText(error)}`,
						tone: 'error',
					});
				},
			);
		},
		[client, onStatus, pollNow],
	);

	const clear = useCallback(() => {
		onStatus({text: 'clearing the server’s counters…', tone: 'info'});
		client.traffic({clear: true}).then(
			() => {
				onStatus({text: 'server counters cleared', tone: 'success'});
				pollNow();
			},
			(error: unknown) => {
				onStatus({
					text: `clear failed: ${errorText(error)}`,
					tone: 'error',
				});
			},
		);
	}, [client, onStatus, pollNow]);

	return {kick, clear};
};
