import assert from 'node:assert/strict';
import {after, test} from 'node:test';

import {cleanup, render} from 'ink-testing-library';

import {createStatsClient} from '../source/api/http-client.js';
import {startDemoServer} from '../source/demo/demo-server.js';
import {App} from '../source/ui/app.js';
import {waitFor} from './helpers/wait-for.js';

const secret = 'e2e-secret';
const demo = await startDemoServer({secret, seed: 3, tickMs: 100});
const client = createStatsClient({url: demo.url, secret});

after(async () => {
	cleanup();
	await client.close();
	await demo.close();
});

test('end to end - the monitor polls a demo server and a kick drops a device', async () => {
	const view = render(
		<App
			servers={[{name: 'demo', client}]}
			intervalMs={250}
			isDemo
			isReadOnly={false}
			ledgerPath="/nonexistent/ledger.jsonl"
		/>,
	);
	const frame = () => view.lastFrame() ?? '';
	// The busiest user is first and selected: it is online and moving bytes.
	await waitFor(frame, text => /online [1-9]/.test(text) && /KiB\/s/.test(text));
	view.stdin.write('k');
	const dialog = await waitFor(frame, text => text.includes('Kick this user?'));
	const userId = /"([^"]+)" \(/.exec(dialog)?.[1] ?? '';
	const devicesBefore = demo.store.online().find(e => e.userId === userId);
	assert.ok(devicesBefore, `${userId} should be online`);

	view.stdin.write('y');
	await waitFor(frame, text => /\d of \d device\(s\) dropped/.test(text), 10_000);
	assert.equal(demo.store.hasPendingKick(userId), false);
});
