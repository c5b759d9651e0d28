import assert from 'node:assert/strict';
import {test} from 'node:test';

import {
	describeKick,
	idleAfterMs,
	kickReducer,
	type KickJobs,
	noKickJobs,
	reconnectWatchMs,
} from '../source/model/kick-tracker.js';

const quote = (id: string) => `"${id}"`;
const online = (devices: number) => new Map([['alice', devices]]);

const start = (devices: number | undefined): KickJobs => {
	const started = kickReducer(noKickJobs, {
		type: 'start',
		targets: [{server: 0, userId: 'alice', devices}],
		nowMs: 0,
	});
	return kickReducer(started, {type: 'sent', id: 1, nowMs: 0});
};

const job = (jobs: KickJobs) => {
	const first = jobs.jobs[0];
	assert.ok(first);
	return first;
};

test('kick tracker - a started job asks for one kick', () => {
	const jobs = kickReducer(noKickJobs, {
		type: 'start',
		targets: [{server: 0, userId: 'alice', devices: 2}],
		nowMs: 0,
	});
	assert.equal(job(jobs).phase, 'to-send');
	assert.equal(job(jobs).kicksSent, 0);
});

test('kick tracker - kicks again after each drop until no device is left', () => {
	let jobs = start(2);
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(1), nowMs: 1000});
	assert.equal(job(jobs).phase, 'to-send');
	jobs = kickReducer(jobs, {type: 'sent', id: 1, nowMs: 1100});
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(0), nowMs: 2000});
	assert.equal(job(jobs).phase, 'gone');
	assert.equal(describeKick(job(jobs), 2000, quote).text, '"alice": 2 of 2 device(s) dropped');
});

test('kick tracker - a drop seen before the kick is answered counts once it is', () => {
	let jobs = kickReducer(noKickJobs, {
		type: 'start',
		targets: [{server: 0, userId: 'alice', devices: 2}],
		nowMs: 0,
	});
	jobs = kickReducer(jobs, {type: 'sending', id: 1});
	// The server dropped a device and a poll saw it; the kick's answer is late.
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(1), nowMs: 500});
	jobs = kickReducer(jobs, {type: 'sent', id: 1, nowMs: 2500});
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(1), nowMs: 2600});
	assert.equal(job(jobs).dropped, 1);
	assert.equal(job(jobs).phase, 'to-send');
	assert.equal(
		describeKick(job(jobs), 2600, quote).text,
		'"alice": 1 of 2 device(s) dropped, kicking again…',
	);
});

test('kick tracker - an unchanged count is not a drop', () => {
	let jobs = start(2);
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(2), nowMs: 1000});
	assert.equal(job(jobs).phase, 'waiting');
	assert.equal(job(jobs).dropped, 0);
});

test('kick tracker - an idle user is reported as queued, not dropped', () => {
	const jobs = start(1);
	const {text} = describeKick(job(jobs), idleAfterMs + 1, quote);
	assert.match(text, /kick queued \(user idle, takes effect at its next traffic\)/);
	assert.doesNotMatch(text, /dropped/);
});

test('kick tracker - a reconnect after the drop is reported with its delay', () => {
	let jobs = start(1);
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(0), nowMs: 1000});
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(1), nowMs: 4000});
	const {text, tone} = describeKick(job(jobs), 4000, quote);
	assert.equal(
		text,
		'"alice": dropped, reconnected after 3 s (block the user in the auth backend)',
	);
	assert.equal(tone, 'error');
});

test('kick tracker - stops watching for a reconnect after the window', () => {
	let jobs = start(1);
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(0), nowMs: 1000});
	jobs = kickReducer(jobs, {type: 'tick', nowMs: 1000 + reconnectWatchMs + 1});
	assert.equal(job(jobs).phase, 'done');
});

test('kick tracker - gives up after a bounded number of kicks', () => {
	// One device at the start, so at most 1 + 2 kicks. The user keeps
	// reconnecting: every drop is followed by a new device.
	let jobs = start(1);
	let nowMs = 0;
	const see = (devices: number) => {
		nowMs += 500;
		jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(devices), nowMs});
	};

	for (let round = 0; round < 3; round++) {
		see(2);
		see(1);
		if (job(jobs).phase === 'to-send') {
			jobs = kickReducer(jobs, {type: 'sent', id: 1, nowMs});
		}
	}

	assert.equal(job(jobs).phase, 'gave-up');
	assert.equal(job(jobs).kicksSent, 3);
	assert.match(describeKick(job(jobs), nowMs, quote).text, /stopped after 3 kicks/);
});

test('kick tracker - a failed request is an error, never a success', () => {
	let jobs = kickReducer(noKickJobs, {
		type: 'start',
		targets: [{server: 0, userId: 'alice', devices: 1}],
		nowMs: 0,
	});
	jobs = kickReducer(jobs, {type: 'failed', id: 1, error: 'kick: connection refused'});
	const {text, tone} = describeKick(job(jobs), 0, quote);
	assert.equal(tone, 'error');
	assert.match(text, /kick of "alice" failed: kick: connection refused/);
});

test('kick tracker - answers from another server do not move the job', () => {
	let jobs = start(1);
	jobs = kickReducer(jobs, {type: 'online', server: 1, online: online(0), nowMs: 1000});
	assert.equal(job(jobs).phase, 'waiting');
});

test('kick tracker - a user who keeps moving traffic is not called idle', () => {
	const jobs = start(1);
	const {text, tone} = describeKick(job(jobs), idleAfterMs + 1, quote, true);
	assert.match(text, /no device dropped although the user moves traffic/);
	assert.equal(tone, 'error');
});

test('kick tracker - a device that connects during the kick counts among its devices', () => {
	let jobs = start(3);
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(2), nowMs: 1000});
	jobs = kickReducer(jobs, {type: 'sent', id: 1, nowMs: 1100});
	// One came back before the next drop; then all went.
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(3), nowMs: 2000});
	jobs = kickReducer(jobs, {type: 'online', server: 0, online: online(0), nowMs: 3000});
	assert.equal(job(jobs).phase, 'gone');
	assert.equal(describeKick(job(jobs), 3000, quote).text, '"alice": 4 of 4 device(s) dropped');
});
