import assert from 'node:assert/strict';
import {test, type TestContext} from 'node:test';
import {fileURLToPath} from 'node:url';

import {type DemoServer, startDemoServer} from '../source/demo/demo-server.js';
import type {Fault} from '../source/demo/faults.js';
import {openTerminal} from './helpers/tmux.js';

// The built hytop in a real terminal (tmux) against a demo server switched
// into faults while it runs: what the operator sees for each.

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const watch = async (t: TestContext, port = 0) => {
	const demo = await startDemoServer({seed: 2, port});
	const terminal = await openTerminal(
		`node ${cli} --url ${demo.url} --interval 0.5 --timeout 1`,
		{columns: 140, rows: 40},
	);
	t.after(async () => {
		await terminal.close();
		await demo.close();
	});
	await terminal.waitForText(/live .*polled/);
	return {demo, terminal};
};

const fault = (demo: DemoServer, ...faults: Fault[]) => {
	demo.setFaults(faults);
};

const stale = /stale: data \d+s old/;

test('terminal fault hang - not answering, stale data kept, one request at a time', async t => {
	const {demo, terminal} = await watch(t);
	fault(demo, {kind: 'hang'});
	const screen = await terminal.waitForText(/not answering \(timeout\).*stale: data [2-9]s old/);
	assert.match(screen, /Users 1-\d+ of \d+/);
	const stats = demo.requestStats();
	for (const route of ['traffic', 'online', 'streams'] as const) {
		assert.equal(stats[route].peakInFlight, 1, route);
	}
});

test('terminal fault hang - keys still work, and it resumes by itself', async t => {
	const {demo, terminal} = await watch(t);
	fault(demo, {kind: 'hang'});
	await terminal.waitForText(stale);
	await terminal.sendKeys('p');
	await terminal.waitForText(/paused/);
	await terminal.sendKeys('p');
	fault(demo);
	await terminal.waitForText(/live .*polled/, 40_000);
});

test('terminal fault refused - says so, and reconnects when the server is back', async t => {
	const {demo, terminal} = await watch(t);
	const {port} = new URL(demo.url);
	await demo.close();
	const screen = await terminal.waitForText(/unreachable \(connection refused\)/);
	assert.match(screen, /Users 1-\d+ of \d+/);
	await terminal.waitForText(stale);
	const again = await startDemoServer({seed: 2, port: Number(port)});
	t.after(async () => again.close());
	await terminal.waitForText(/live .*polled/, 40_000);
});

test('terminal fault reset - says the connection was reset, data stale', async t => {
	const {demo, terminal} = await watch(t);
	fault(demo, {kind: 'reset'});
	await terminal.waitForText(/connection reset.*stale: data \d+s old/);
});

test('terminal fault unauthorized - says check the secret, asks rarely', async t => {
	const {demo, terminal} = await watch(t);
	const before = demo.requestStats().traffic.requests;
	fault(demo, {kind: 'unauthorized'});
	await terminal.waitForText(/authentication failed: check the secret/);
	// Seconds pass on screen; a storm would have sent a request per poll.
	await terminal.waitForText(/stale: data [4-9]s old/);
	assert.ok(demo.requestStats().traffic.requests - before <= 2);
});

test('terminal fault wrong-shape - one line names the endpoint, others stay live', async t => {
	const {demo, terminal} = await watch(t);
	fault(demo, {kind: 'wrong-shape', endpoint: 'online'});
	const screen = await terminal.waitForText(
		'online: expected an object, got an array',
	);
	assert.match(screen, /live .*polled/);
});

test('terminal fault html-500 - the status line shows the status, not HTML', async t => {
	const {demo, terminal} = await watch(t);
	fault(demo, {kind: 'html-500', endpoint: 'streams'});
	const screen = await terminal.waitForText(
		'GET /dump/streams: HTTP 500: 500 Internal Server Error',
	);
	assert.doesNotMatch(screen, /<\/?[a-z]+>/);
});

test('terminal fault restart - the header notes that counters were reset', async t => {
	const {demo, terminal} = await watch(t);
	fault(demo, {kind: 'restart'});
	const screen = await terminal.waitForText('counters were reset');
	assert.doesNotMatch(screen, /-\d[\d.]* [KMG]?i?B\/s|NaN/);
});

test('terminal fault kick - a kick the server refuses is reported failed', async t => {
	const {demo, terminal} = await watch(t);
	fault(demo, {kind: 'html-500', endpoint: 'kick'});
	await terminal.sendKeys('k');
	await terminal.waitForText(/Kick (this )?user/);
	await terminal.sendKeys('y');
	const screen = await terminal.waitForText(/kick.*failed/);
	assert.doesNotMatch(screen, /kick queued/);
});

test('terminal fault clear - a clear that times out is not called done', async t => {
	const {demo, terminal} = await watch(t);
	fault(demo, {kind: 'hang', endpoint: 'clear'});
	await terminal.sendKeys('c');
	await terminal.waitForText(/Clear the server's traffic counters\?/);
	await terminal.sendKeys('y');
	const screen = await terminal.waitForText(
		/clear may have been applied .*check the counters before clearing again/,
	);
	assert.doesNotMatch(screen, /cleared \(/);
});

test('terminal fault clear - a bad body after a clear says cleared, not failed', async t => {
	const {demo, terminal} = await watch(t);
	fault(demo, {kind: 'malformed', endpoint: 'clear'});
	await terminal.sendKeys('c');
	await terminal.waitForText(/Clear the server's traffic counters\?/);
	await terminal.sendKeys('y');
	const screen = await terminal.waitForText(/cleared, but the answer was unreadable/);
	assert.doesNotMatch(screen, /clear failed/);
});

test('terminal fault huge - --max-body-mb caps what one answer may take', async t => {
	const demo = await startDemoServer({seed: 2});
	const terminal = await openTerminal(
		`node ${cli} --url ${demo.url} --interval 0.5 --max-body-mb 1`,
		{columns: 140, rows: 40},
	);
	t.after(async () => {
		await terminal.close();
		await demo.close();
	});
	await terminal.waitForText(/live .*polled/);
	fault(demo, {kind: 'huge', endpoint: 'streams', sizeBytes: 8 * 1024 * 1024});
	const screen = await terminal.waitForText(/response larger than 1 MiB/);
	assert.match(screen, /live .*polled/);
});
