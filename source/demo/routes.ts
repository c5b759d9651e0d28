import type {IncomingMessage} from 'node:http';

import {bigNumberText, oddTimestampText} from './fault-replies.js';
import {type ApiRoute, type Fault, findFault} from './faults.js';
import {encodeObject} from './go-json.js';
import {parseKickIds, readKickBody} from './kick-body.js';
import {errorReply, jsonType, type Reply, textType} from './reply.js';
import type {RestartView} from './restart-view.js';
import type {StatsStore} from './stats-store.js';
import {encodeStreams, encodeStreamsTable} from './streams-json.js';

/** What the routes read: the store, the faults now set, a restart's view. */
export type RouteContext = {
	readonly store: StatsStore;
	faults: readonly Fault[];
	readonly view: RestartView;
};

const plainNumber = (value: number): string => String(value);

const numberTextFor = (context: RouteContext, route: ApiRoute) =>
	findFault(context.faults, route, ['big-numbers']) === undefined
		? plainNumber
		: bigNumberText;

const replyTraffic = (context: RouteContext, route: ApiRoute): Reply => {
	const clear = route === 'clear';
	const {view} = context;
	const entries = view.traffic(context.store.traffic({clear}));
	if (clear) {
		view.forgetTraffic();
	}

	const number = numberTextFor(context, route);
	const body = encodeObject(
		entries.map(({userId, tx, rx}) => [
			userId,
			`{"tx":${number(tx, 'tx')},"rx":${number(rx, 'rx')}}`,
		]),
	);

	return {status: 200, contentType: jsonType, body};
};

const replyOnline = (context: RouteContext): Reply => {
	const members: Array<readonly [string, string]> = context.store
		.online()
		.map(({userId, devices}) => [userId, String(devices)]);
	if (numberTextFor(context, 'online') !== plainNumber) {
		// No one has this many devices; a broken server may still say so.
		members.push(['big-device-count', '18446744073709551615']);
	}

	return {status: 200, contentType: jsonType, body: encodeObject(members)};
};

const replyStreams = (
	context: RouteContext,
	request: IncomingMessage,
): Reply => {
	const {store, faults} = context;
	const streams = context.view.streams(store.streams());
	if ((request.headers.accept ?? '').includes('text/plain')) {
		const body = encodeStreamsTable(streams, store.now());

		return {status: 200, contentType: textType, body};
	}

	const isOdd = findFault(faults, 'streams', ['odd-times']) !== undefined;
	const body = encodeStreams(streams, {
		numberText: numberTextFor(context, 'streams'),
		timestampText: isOdd ? oddTimestampText : undefined,
	});

	return {status: 200, contentType: jsonType, body};
};

const replyKick = async (
	store: StatsStore,
	request: IncomingMessage,
): Promise<Reply> => {
	let body: string;
	try {
		body = await readKickBody(request);
	} catch (error) {
		return errorReply(400, error instanceof Error ? error.message : 'EOF');
	}

	const ids = parseKickIds(body);
	if (ids instanceof Error) {
		return errorReply(400, ids.message);
	}

	store.kick(ids);

	return {status: 200, body: ''};
};

/** The server's own answer to an API route. */
export const replyRoute = async (
	context: RouteContext,
	route: ApiRoute,
	request: IncomingMessage,
): Promise<Reply> => {
	switch (route) {
		case 'traffic':
		case 'clear': {
			return replyTraffic(context, route);
		}

		case 'online': {
			return replyOnline(context);
		}

		case 'streams': {
			return replyStreams(context, request);
		}

		case 'kick': {
			return replyKick(context.store, request);
		}
	}
};
