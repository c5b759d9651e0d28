import {readFileSync} from 'node:fs';

// Linux counts process CPU time in clock ticks of 1/100 s on every
// architecture Node supports (USER_HZ), whatever the kernel's own HZ.
const ticksPerSecond = 100;

/** User plus system CPU time of a process so far, in milliseconds. */
export const readCpuMs = (pid: number): number => {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// The command name may hold spaces: fields are counted after its ')'.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	const utime = Number(fields[11]);
	const stime = Number(fields[12]);
	return ((utime + stime) * 1000) / ticksPerSecond;
};

const statusField = (pid: number, name: string): number => {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
	return match ? Number(match[1]) * 1024 : Number.NaN;
};

/** Peak resident memory of a process, in bytes. */
export const readPeakRssBytes = (pid: number): number =>
	statusField(pid, 'VmHWM');

/** Current resident memory of a process, in bytes. */
export const readRssBytes = (pid: number): number =>
	statusField(pid, 'VmRSS');

/** The first child of a process: the program a wrapper started. */
export const readChildPid = (pid: number): number | undefined => {
	try {
		const children = readFileSync(
			`/proc/${pid}/task/${pid}/children`,
			'utf8',
		).trim();
		const first = children.split(' ')[0];
		return first ? Number(first) : undefined;
	} catch {
		return undefined;
	}
};
