import {EventEmitter} from 'node:events';

import {render} from 'ink';
import {createElement} from 'react';
import {Pool} from 'undici';

import type {StatsClient} from '../../source/api/client-contract.js';
import type * as HttpClientModule from '../../source/api/http-client.js';
import type * as AppModule from '../../source/ui/app.js';
import {MemoryStdout} from './memory-stdout.js';

// The cycle runs the modules `npm run build` compiled into dist/, typed by
// their sources: the code that ships, not the test runner's on-the-fly
// compile of source/, which wraps every function it makes in a naming
// helper and costs a 1k cycle about a tenth more.
const built = async (path: string): Promise<unknown> =>
	import(new URL(`../../dist/${path}`, import.meta.url).href);
const {createStatsClient} = (await built(
	'api/http-client.js',
)) as typeof HttpClientModule;
const {App} = (await built('ui/app.js')) as typeof AppModule;
type AppProps = AppModule.AppProps;

export type CycleSample = {
	readonly hytopMs: number;
	readonly floorMs: number;
};

export type CycleBench = {
	/** One floor cycle and one hytop cycle, in alternating order. */
	readonly sample: (isFloorFirst: boolean) => Promise<CycleSample>;
	/** Bytes of the largest frame Ink wrote: one full-screen redraw. */
	readonly fullRedrawBytes: () => number;
	readonly close: () => Promise<void>;
};

const paths = ['/traffic', '/online', '/dump/streams'] as const;

type Gate = {
	/**
	Resolves once all three polls wait at the gate: the poller's own
	schedule (a large dump is asked for less often) is not the cycle's cost.
	*/
	readonly ready: () => Promise<void>;
	/** Lets the waiting polls through; resolves when all three answered. */
	readonly open: () => Promise<void>;
};

/**
Holds each of the app's polls until the bench opens the gate, so one cycle
is exactly one answer per endpoint however fast the poller asks again.
*/
const gateClient = (
	client: StatsClient,
	onAllAnswered: () => void,
): {client: StatsClient; gate: Gate} => {
	const events = new EventEmitter();
	// One pass per endpoint per cycle: a poll that asks again waits.
	const passes = new Map<string, number>();
	const waiting = new Set<string>();
	let answered = 0;

	const held = async <T>(
		endpoint: string,
		call: () => Promise<T>,
	): Promise<T> => {
		while ((passes.get(endpoint) ?? 0) === 0) {
			waiting.add(endpoint);
			events.emit('waiting');
			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => events.once('open', resolve));
		}

		waiting.delete(endpoint);
		passes.set(endpoint, 0);
		try {
			return await call();
		} finally {
			answered++;
			// The three answers reach the app together, as those of one poll
			// interval do, so the cycle draws one frame: at the bench's 1 ms
			// interval each would otherwise get a frame of its own.
			if (answered === 3) {
				// Before the poller sees the answers: nothing is drawn yet.
				onAllAnswered();
				events.emit('all-answered');
			} else {
				await new Promise(resolve => events.once('all-answered', resolve));
			}

			events.emit('answered');
		}
	};

	const gated: StatsClient = {
		url: client.url,
		traffic: async options =>
			held('traffic', async () => client.traffic(options)),
		online: async () => held('online', async () => client.online()),
		streams: async () => held('streams', async () => client.streams()),
		kick: async ids => client.kick(ids),
		close: async () => client.close(),
	};

	return {
		client: gated,
		gate: {
			async ready() {
				while (waiting.size < 3) {
					// eslint-disable-next-line no-await-in-loop
					await new Promise(resolve => events.once('waiting', resolve));
				}
			},
			async open() {
				answered = 0;
				for (const endpoint of ['traffic', 'online', 'streams']) {
					passes.set(endpoint, 1);
				}

				events.emit('open');
				while (answered < 3) {
					// eslint-disable-next-line no-await-in-loop
					await new Promise(resolve => events.once('answered', resolve));
				}
			},
		},
	};
};

/**
Measures hytop's whole poll cycle (fetch, validate, compute rates, render a
200x50 frame into memory) against the floor: the same three requests made
with undici and parsed with a bare JSON.parse.
*/
export const createCycleBench = async (
	url: string,
	secret: string,
): Promise<CycleBench> => {
	const pool = new Pool(url, {connections: 8});
	const fetchJson = async (path: string): Promise<unknown> => {
		const response = await pool.request({
			method: 'GET',
			path,
			headers: {authorization: secret, accept: 'application/json'},
		});
		return JSON.parse(await response.body.text());
	};

	const floorCycle = async (): Promise<void> => {
		await Promise.all(
			paths.map(async path =>
				// A kept-alive connection the server just closed: ask again,
				// as hytop's poller would at its next poll.
				fetchJson(path).catch(async () => fetchJson(path)),
			),
		);
	};

	const stdout = new MemoryStdout();
	let renderCount = 0;
	let renderCountAtAnswers = 0;
	const {client, gate} = gateClient(createStatsClient({url, secret}), () => {
		renderCountAtAnswers = renderCount;
	});
	const typed: string[] = [];
	const stdin = Object.assign(new EventEmitter(), {
		isTTY: true,
		setEncoding: () => undefined,
		setRawMode: () => undefined,
		ref: () => undefined,
		unref: () => undefined,
		read: () => typed.shift() ?? null,
		resume: () => undefined,
		pause: () => undefined,
	});
	// The real app, watching the one server.
	const appProps: AppProps = {
		servers: [{name: 'bench', client}],
		ledgerPath: '/dev/null',
		// Polls ask again at once; the gate decides when they go out.
		intervalMs: 1,
		isDemo: false,
		isReadOnly: false,
	};
	const instance = render(
		createElement(App, appProps),
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			exitOnCtrlC: false,
			patchConsole: false,
			// No throttling delay inside a measured cycle.
			maxFps: 1000,
			onRender() {
				renderCount++;
				stdout.emit('rendered');
			},
		},
	);

	// Focus on the streams pane: the dump is then asked at every interval,
	// as for an operator watching the streams, and each cycle holds all three.
	typed.push('\t');
	stdin.emit('readable');

	const hytopCycle = async (): Promise<void> => {
		await gate.open();
		// The cycle ends with the frame drawn after the last answer.
		while (renderCount === renderCountAtAnswers) {
			// eslint-disable-next-line no-await-in-loop
			await new Promise(resolve => stdout.once('rendered', resolve));
		}
	};

	const time = async (run: () => Promise<void>): Promise<number> => {
		const startMs = performance.now();
		await run();
		return performance.now() - startMs;
	};

	// Two unmeasured cycles: connections opened, code warmed, rates known.
	for (let warm = 0; warm < 2; warm++) {
		// eslint-disable-next-line no-await-in-loop
		await floorCycle();
		// eslint-disable-next-line no-await-in-loop
		await gate.ready();
		// eslint-disable-next-line no-await-in-loop
		await hytopCycle();
	}

	return {
		async sample(isFloorFirst) {
			let floorMs = 0;
			let hytopMs = 0;
			if (isFloorFirst) {
				floorMs = await time(floorCycle);
				await gate.ready();
				hytopMs = await time(hytopCycle);
			} else {
				await gate.ready();
				hytopMs = await time(hytopCycle);
				floorMs = await time(floorCycle);
			}

			return {hytopMs, floorMs};
		},
		fullRedrawBytes: () => stdout.largestWriteBytes,
		async close() {
			instance.unmount();
			await client.close();
			await pool.close();
		},
	};
};
