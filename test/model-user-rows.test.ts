import assert from 'node:assert/strict';
import {test} from 'node:test';
import type {ByteCounter, Online, Traffic} from '../source/api/types.js';
import type {UserRow} from '../source/model/types.js';
import type {UserRate} from '../source/model/user-rates.js';
import {
	addSeenIds,
	buildUserRows,
	CHANGE_VISIBLE_MS,
	expireUserChanges,
	markOnlineChanges,
	markTrafficArrivals,
	noUserChanges,
	type UserChanges,
} from '../source/model/user-rows.js';

const traffic = (users: Record<string, ByteCounter>): Traffic =>
	new Map(Object.entries(users));
const online = (users: Record<string, number>): Online =>
	new Map(Object.entries(users));
const noRates: ReadonlyMap<string, UserRate> = new Map();

const byId = (rows: readonly UserRow[]): Record<string, UserRow> =>
	Object.fromEntries(rows.map(row => [row.id, row]));

test('buildUserRows - online user without traffic shows 0 B', () => {
	const rows = byId(
		buildUserRows({
			traffic: traffic({}),
			rates: noRates,
			online: online({alice: 1}),
			changes: noUserChanges,
		}),
	);
	assert.deepEqual(rows['alice'], {
		id: 'alice',
		upRate: 0,
		downRate: 0,
		up: 0,
		down: 0,
		devices: 1,
		presence: 'online',
		change: undefined,
	});
});

test('buildUserRows - user with traffic but not online is offline', () => {
	const rows = byId(
		buildUserRows({
			traffic: traffic({bob: {tx: 10, rx: 20}}),
			rates: new Map([['bob', {upRate: 3, downRate: 4}]]),
			online: online({}),
			changes: noUserChanges,
		}),
	);
	assert.equal(rows['bob']?.presence, 'offline');
	assert.deepEqual(
		[rows['bob']?.devices, rows['bob']?.up, rows['bob']?.downRate],
		[0, 10, 4],
	);
});

test('buildUserRows - two devices on one user', () => {
	const rows = buildUserRows({
		traffic: traffic({carol: {tx: 1, rx: 2}}),
		rates: noRates,
		online: online({carol: 2}),
		changes: noUserChanges,
	});
	assert.equal(rows.length, 1);
	assert.equal(rows[0]?.devices, 2);
});

test('buildUserRows - presence unknown without /online', () => {
	const rows = buildUserRows({
		traffic: traffic({dave: {tx: 1, rx: 2}}),
		rates: noRates,
		online: undefined,
		changes: noUserChanges,
	});
	assert.equal(rows[0]?.presence, 'unknown');
	assert.equal(rows[0]?.devices, undefined);
});

test('buildUserRows - a left user without traffic stays listed', () => {
	const changes: UserChanges = new Map([
		['erin', {change: 'left', atMs: 1000}],
	]);
	const rows = buildUserRows({
		traffic: traffic({}),
		rates: noRates,
		online: online({}),
		changes,
	});
	assert.equal(rows[0]?.id, 'erin');
	assert.deepEqual([rows[0]?.presence, rows[0]?.change], ['offline', 'left']);
});

test('buildUserRows - nothing answered yet gives no rows', () => {
	const rows = buildUserRows({
		traffic: undefined,
		rates: noRates,
		online: undefined,
		changes: noUserChanges,
	});
	assert.deepEqual(rows, []);
});

test('markOnlineChanges - marks arrivals and departures', () => {
	const changes = markOnlineChanges(
		noUserChanges,
		online({alice: 1, bob: 2}),
		online({bob: 1, carol: 1}),
		7000,
	);
	assert.deepEqual(changes.get('carol'), {change: 'joined', atMs: 7000});
	assert.deepEqual(changes.get('alice'), {change: 'left', atMs: 7000});
});

test('markOnlineChanges - a device count change is no join', () => {
	const changes = markOnlineChanges(
		noUserChanges,
		online({bob: 2}),
		online({bob: 1}),
		7000,
	);
	assert.equal(changes, noUserChanges);
	assert.equal(changes.size, 0);
});

test('markOnlineChanges - the first answer marks nobody', () => {
	const changes = markOnlineChanges(
		noUserChanges,
		undefined,
		online({alice: 1}),
		7000,
	);
	assert.equal(changes.size, 0);
});

test('markTrafficArrivals - marks only ids never seen', () => {
	const changes = markTrafficArrivals(
		noUserChanges,
		new Set(['alice']),
		true,
		traffic({alice: {tx: 1, rx: 1}, frank: {tx: 1, rx: 1}}),
		3000,
	);
	assert.deepEqual([...changes.keys()], ['frank']);
	assert.equal(changes.get('frank')?.change, 'joined');
});

test('markTrafficArrivals - the first answer marks nobody', () => {
	const changes = markTrafficArrivals(
		noUserChanges,
		new Set(),
		false,
		traffic({alice: {tx: 1, rx: 1}}),
		3000,
	);
	assert.equal(changes.size, 0);
});

test('addSeenIds - returns the same set when nothing is new', () => {
	const seen = new Set(['a']);
	assert.equal(addSeenIds(seen, ['a']), seen);
	assert.deepEqual([...addSeenIds(seen, ['a', 'b'])], ['a', 'b']);
});

test('expireUserChanges - drops marks after the visible time', () => {
	const changes: UserChanges = new Map([
		['old', {change: 'left', atMs: 1000}],
		['new', {change: 'joined', atMs: 4000}],
	]);
	const kept = expireUserChanges(changes, 1000 + CHANGE_VISIBLE_MS);
	assert.deepEqual([...kept.keys()], ['new']);
	const justBefore = 1000 + CHANGE_VISIBLE_MS - 1;
	assert.equal(expireUserChanges(changes, justBefore), changes);
});
