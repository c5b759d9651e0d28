import assert from 'node:assert/strict';
import {execFile, spawn} from 'node:child_process';
import {once} from 'node:events';
import {chmod, mkdtemp, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

import {startDemoServer} from '../source/demo/demo-server.js';

// These run the built hytop as an operator would (npm test builds first).
const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const execFileAsync = promisify(execFile);

type Run = {code: number; stdout: string; stderr: string};

const hytop = async (
	args: string[],
	environment: NodeJS.ProcessEnv = {},
): Promise<Run> => {
	try {
		const {stdout, stderr} = await execFileAsync('node', [cli, ...args], {
			env: {...process.env, ...environment},
		});
		return {code: 0, stdout, stderr};
	} catch (error) {
		const failure = error as {code: number; stdout: string; stderr: string};
		return failure;
	}
};

const secret = 'cli-test-secret';
const demo = await startDemoServer({secret, seed: 5, tickMs: 100});
const folder = await mkdtemp(join(tmpdir(), 'hytop-cli-'));

after(async () => {
	await demo.close();
});

/** Starts `hytop serve-demo` with `args`; resolves with its URL. */
const serveDemo = async (args: string[]) => {
	const child = spawn(
		'node',
		[cli, 'serve-demo', '--listen', '127.0.0.1:0', ...args],
		{stdio: ['ignore', 'ignore', 'pipe']},
	);
	let stderr = '';
	child.stderr.setEncoding('utf8');
	const url = await new Promise<string>((resolve, reject) => {
		child.stderr.on('data', (chunk: string) => {
			stderr += chunk;
			const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
			if (match?.[1]) {
				resolve(match[1]);
			}
		});
		child.on('exit', () => {
			reject(new Error(`serve-demo exited early: ${stderr}`));
		});
	});
	return {child, url};
};

test('cli - --help describes the flags and exits 0', async () => {
	const run = await hytop(['--help']);
	assert.equal(run.code, 0);
	assert.match(run.stdout, /--secret-file/);
});

test('cli - an unknown flag is a usage error with exit code 2', async () => {
	const run = await hytop(['--bogus']);
	assert.equal(run.code, 2);
	assert.match(run.stderr, /bogus/);
});

test('cli - a bad interval says what is wanted, without a stack trace', async () => {
	const run = await hytop(['--once', '--interval', '-1']);
	assert.equal(run.code, 2);
	assert.match(run.stderr, /--interval must be/);
	assert.doesNotMatch(run.stderr, /at .*\.js/);
});

test('cli - --once --json prints users with rates from two polls', async () => {
	const run = await hytop(
		['--once', '--json', '--interval', '0.3', '--url', demo.url],
		{HYTOP_SECRET: secret},
	);
	assert.equal(run.code, 0, run.stderr);
	const snapshot = JSON.parse(run.stdout) as {
		users: Array<{id: string; downRate: number}>;
		totals: {activeStreams: number};
	};
	assert.ok(snapshot.users.length > 0);
	assert.ok(snapshot.users.some(user => user.downRate > 0));
});

test('cli - --once with a wrong secret fails with the hint, not the secret', async () => {
	const run = await hytop(['--once', '--url', demo.url], {
		HYTOP_SECRET: 'wrong-secret-value',
	});
	assert.equal(run.code, 1);
	assert.match(run.stderr, /authentication failed: check the secret/);
	assert.doesNotMatch(run.stderr + run.stdout, /wrong-secret-value/);
});

test('cli - a missing secret file is named, with exit code 2', async () => {
	const run = await hytop(['--once', '--secret-file', join(folder, 'nope')]);
	assert.equal(run.code, 2);
	assert.match(run.stderr, /cannot read the secret file .*nope: no such file/);
});

test('cli - a secret file others can read gets a warning but works', async () => {
	const path = join(folder, 'secret');
	await writeFile(path, `${secret}\n`);
	await chmod(path, 0o644);
	const run = await hytop([
		'--once',
		'--interval',
		'0.2',
		'--url',
		demo.url,
		'--secret-file',
		path,
	]);
	assert.equal(run.code, 0, run.stderr);
	assert.match(run.stderr, /readable by others.*chmod 600/);
	assert.doesNotMatch(run.stderr, new RegExp(secret));
});

test('cli - serve-demo answers the API on loopback until SIGTERM', async () => {
	const {child, url} = await serveDemo(['--secret', 's', '--seed', '2']);
	const denied = await fetch(`${url}/traffic`);
	assert.equal(denied.status, 401);
	const traffic = await fetch(`${url}/traffic`, {headers: {authorization: 's'}});
	assert.equal(traffic.status, 200);

	child.kill('SIGTERM');
	const [code] = (await once(child, 'exit')) as [number];
	assert.equal(code, 0);
});

test('cli - serve-demo --fault makes the server misbehave as asked', async () => {
	const {child, url} = await serveDemo(['--fault', 'html-500:online']);
	assert.equal((await fetch(`${url}/online`)).status, 500);
	assert.equal((await fetch(`${url}/traffic`)).status, 200);
	child.kill('SIGTERM');
	await once(child, 'exit');
});

test('cli - a bad --fault spec is a usage error naming the item', async () => {
	const run = await hytop(['serve-demo', '--fault', 'hangs:online']);
	assert.equal(run.code, 2);
	assert.match(run.stderr, /--fault: .*hangs/);
});

test('cli - a flag given twice is a usage error, not a stack trace', async () => {
	const run = await hytop(['--once', '--timeout', '3', '--timeout', '60']);
	assert.equal(run.code, 2);
	assert.match(run.stderr, /--timeout can only be set once/);
	assert.doesNotMatch(run.stderr, /at .*\.js/);
});

test('cli - --once counts an unreadable /online as a failure', async () => {
	const broken = await startDemoServer({
		seed: 5,
		faults: [{kind: 'html-500', endpoint: 'online'}],
	});
	try {
		const run = await hytop(['--once', '--interval', '0.2', '--url', broken.url]);
		assert.equal(run.code, 1);
		assert.match(run.stderr, /\/online: HTTP 500/);
		assert.match(run.stdout, /online unknown/);
	} finally {
		await broken.close();
	}
});

test('cli - --once --json prints JSON even when the only server fails', async () => {
	const run = await hytop(['--once', '--json', '--url', demo.url], {
		HYTOP_SECRET: 'wrong-secret-value',
	});
	assert.equal(run.code, 1);
	const snapshot = JSON.parse(run.stdout) as {
		servers: Array<{errors: {traffic: string | null}}>;
	};
	assert.match(snapshot.servers[0]?.errors.traffic ?? '', /authentication failed/);
	// One failure, said once, not once per endpoint.
	assert.equal(run.stderr.match(/authentication failed/g)?.length, 1);
});

test('cli - --once says n/a for what an older server lacks, not 0', async () => {
	const old = await startDemoServer({
		seed: 5,
		faults: [
			{kind: 'not-found', endpoint: 'online'},
			{kind: 'not-found', endpoint: 'streams'},
		],
	});
	try {
		const run = await hytop(['--once', '--interval', '0.2', '--url', old.url]);
		assert.equal(run.code, 0, run.stderr);
		assert.match(run.stdout, /online n\/a \(older server\)/);
		assert.doesNotMatch(run.stdout, /online 0 users/);
	} finally {
		await old.close();
	}
});
