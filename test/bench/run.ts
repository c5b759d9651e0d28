// First, as in the command line: React's production build, live drawing,
// frames drawn through CellOutput. The last is a module hook, so the modules
// that load Ink are imported after it, below. The code measured is the
// built code (`npm run bench` builds first), as it ships: see cycle-cost.ts.
import '../../dist/terminal/live-rendering.js';

import os from 'node:os';
import {parseArgs} from 'node:util';

import {startDemoProcess} from './demo-process.js';
import {
	measureFirstFrame,
	measureSoak,
	measureSteady,
	type SteadySample,
} from './process-bench.js';
import {median} from './statistics.js';

const {createCycleBench} = await import('./cycle-cost.js');

const usage = `usage: npm run bench -- [options]
  --quick          3 runs of 10 s windows instead of 5 of 30 s
  --runs N         runs per size
  --window S       seconds of each steady window
  --steady-after S seconds after the first data frame before it (30;
                   10 with --quick)
  --sizes A,B      only these stream counts (1000, 10000, 100000); any
                   other number (such as 1) leaves only the first frame
  --soak S         instead of the table: RSS over S seconds at 10k streams`;

const parseCommandLine = () => {
	try {
		return parseArgs({
			options: {
				quick: {type: 'boolean', default: false},
				soak: {type: 'string'},
				runs: {type: 'string'},
				window: {type: 'string'},
				'steady-after': {type: 'string'},
				sizes: {type: 'string'},
				help: {type: 'boolean', default: false},
			},
		});
	} catch (error) {
		process.stderr.write(`bench: ${(error as Error).message}\n${usage}\n`);
		process.exit(2);
	}
};

const {values} = parseCommandLine();
if (values.help) {
	console.log(usage);
	process.exit(0);
}

const sizes = [
	{streams: 1000, users: 100},
	{streams: 10_000, users: 300},
	{streams: 100_000, users: 1000},
].filter(
	size =>
		values.sizes === undefined ||
		values.sizes.split(',').map(Number).includes(size.streams),
);
const runs = Number(values.runs ?? (values.quick ? 3 : 5));
const windowS = Number(values.window ?? (values.quick ? 10 : 30));
const cycleRuns = Math.max(runs, values.quick ? 5 : 9);
// Poll cycles are measured warm, as an operator's hytop runs for hours: V8
// compiles hytop's code over its first cycles (the first frame measures
// that start). Small sizes, whose cycles take milliseconds, are measured
// for a while instead of a few cycles, for a steadier median.
const cycleWarmUpMs = values.quick ? 1000 : 2000;
const cycleMeasureMs = values.quick ? 1000 : 2000;
// Steady CPU is measured once start-up is over: for a minute or more after
// the first frame V8 goes on compiling hytop's code on its helper threads
// (at 10k streams, 2.8 % of a core from 3 s after the first data frame,
// 2.5 % from 60 s on). `--steady-after 3` measures as earlier benches did.
const steadyAfterS = Number(
	values['steady-after'] ?? (values.quick ? 10 : 30),
);

const mebibyte = 1024 * 1024;
const log = (line: string) => {
	process.stderr.write(`${line}\n`);
};

const fixed = (value: number, digits = 1) => value.toFixed(digits);

const runSoak = async (durationS: number) => {
	const server = await startDemoProcess(300, 10_000, 7);
	try {
		log(`soak: ${durationS} s at 10k streams, 300 users, 1 s interval`);
		const samples = await measureSoak(
			server,
			durationS * 1000,
			Math.min(30_000, (durationS * 1000) / 10),
			sample => {
				log(`  ${sample.atS} s: RSS ${fixed(sample.rssBytes / mebibyte)} MiB`);
			},
		);
		const first = samples[0]!;
		const last = samples.at(-1)!;
		const peak = Math.max(...samples.map(sample => sample.rssBytes));
		console.log(
			`soak ${durationS} s: RSS start ${fixed(first.rssBytes / mebibyte)} MiB,` +
				` end ${fixed(last.rssBytes / mebibyte)} MiB,` +
				` peak ${fixed(peak / mebibyte)} MiB`,
		);
	} finally {
		await server.stop();
	}
};

const runTable = async () => {
	console.log(
		`hytop bench: ${new Date().toISOString()}, Node ${process.version},` +
			` ${os.cpus().length} cores; ${runs} runs, ${windowS} s windows` +
			` from ${steadyAfterS} s after the first data frame,` +
			` cycles after ${cycleWarmUpMs / 1000} s of warm-up, at least` +
			` ${cycleRuns} and ${cycleMeasureMs / 1000} s of them; medians`,
	);
	console.log('');
	console.log(
		'| streams | users | cycle ms | floor ms | ratio | CPU % | peak RSS MiB' +
			' | term B/s | full redraw B | B/s ÷ redraw | server CPU % |',
	);
	console.log(
		'|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
	);

	for (const size of sizes) {
		// eslint-disable-next-line no-await-in-loop
		const server = await startDemoProcess(size.users, size.streams);
		try {
			log(`${size.streams} streams: poll cycles`);
			// eslint-disable-next-line no-await-in-loop
			const cycle = await createCycleBench(server.url, server.secret);
			const hytopMs: number[] = [];
			const floorMs: number[] = [];
			const ratios: number[] = [];
			const warmUntilMs = performance.now() + cycleWarmUpMs;
			for (let run = 0; performance.now() < warmUntilMs; run++) {
				// eslint-disable-next-line no-await-in-loop
				await cycle.sample(run % 2 === 0);
			}

			const measureUntilMs = performance.now() + cycleMeasureMs;
			for (
				let run = 0;
				run < cycleRuns || performance.now() < measureUntilMs;
				run++
			) {
				// eslint-disable-next-line no-await-in-loop
				const sample = await cycle.sample(run % 2 === 0);
				hytopMs.push(sample.hytopMs);
				floorMs.push(sample.floorMs);
				ratios.push(sample.hytopMs / sample.floorMs);
			}

			log(`${size.streams} streams: ${ratios.length} cycles measured`);

			const redrawBytes = cycle.fullRedrawBytes();
			// eslint-disable-next-line no-await-in-loop
			await cycle.close();

			const steady: SteadySample[] = [];
			for (let run = 0; run < runs; run++) {
				log(`${size.streams} streams: steady run ${run + 1}/${runs}`);
				steady.push(
					// eslint-disable-next-line no-await-in-loop
					await measureSteady(server, windowS * 1000, steadyAfterS * 1000),
				);
			}

			const of = (pick: (sample: SteadySample) => number) =>
				median(steady.map(pick));
			const bytesPerSecond = of(sample => sample.bytesPerSecond);
			console.log(
				[
					'',
					size.streams,
					size.users,
					fixed(median(hytopMs)),
					fixed(median(floorMs)),
					fixed(median(ratios), 2),
					fixed(of(sample => sample.cpuPercent)),
					fixed(of(sample => sample.peakRssBytes) / mebibyte),
					Math.round(bytesPerSecond),
					redrawBytes,
					fixed(bytesPerSecond / redrawBytes, 2),
					fixed(of(sample => sample.serverCpuPercent)),
					'',
				].join(' | ').trim(),
			);
		} finally {
			// eslint-disable-next-line no-await-in-loop
			await server.stop();
		}
	}

	const firstFrameMs: number[] = [];
	for (let run = 0; run < runs; run++) {
		log(`demo mode: first frame run ${run + 1}/${runs}`);
		// eslint-disable-next-line no-await-in-loop
		firstFrameMs.push(await measureFirstFrame());
	}

	console.log('');
	console.log(
		`time to first frame (--demo, 200x50): median ${Math.round(median(firstFrameMs))} ms` +
			` (runs: ${firstFrameMs.map(ms => Math.round(ms)).join(', ')})`,
	);
};

// Waits on promises alone must not let Node end the run.
const keepAlive = setInterval(() => undefined, 60_000);
if (values.soak === undefined) {
	await runTable();
} else {
	await runSoak(Number(values.soak) || 600);
}

clearInterval(keepAlive);
