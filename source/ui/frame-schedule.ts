// When answers reach the screen. They are drawn together, one frame per
// round of polls, as soon as the round's last answer is in: one frame
// instead of one per endpoint and server, which is most of the cost at
// scale, and no answer waits on a timer. An answer that comes between
// rounds (a dump asked less often, a poll after a kick, another server's
// round) waits for the next round. A timer brings a frame a little after a
// frame period when no round did: for answers held up by a request still
// out, and for the ages on screen when nothing comes.
import type {Clock} from '../poller/poll-clock.js';

/** The longest a frame period gets, whatever the poll interval. */
const maxFrameMs = 1000;
/** How long the first frame waits for slower answers after the first. */
const firstAnswersWaitMs = 150;
// A round drawn earlier than this share of a period after the last one
// is an extra one; the timer waits this many periods: regular rounds, a
// period apart, come first.
const extraRoundShare = 0.75;
const timerPeriods = 1.25;

export type FrameScheduleOptions<Answer> = {
	readonly clock: Clock;
	/** The poll interval, read at each use: it can change. */
	readonly intervalMs: () => number;
	readonly draw: (answers: Answer[], nowMs: number) => void;
};

export type FrameSchedule<Answer> = {
	/** Starts the timer: frames come before any answer too. */
	start(): void;
	/** An answer came in; `isRoundOver` when no request is still out. */
	add(answer: Answer, isRoundOver: boolean): void;
	/** No frames from now on. */
	stop(): void;
};

export const createFrameSchedule = <Answer>({
	clock,
	intervalMs,
	draw,
}: FrameScheduleOptions<Answer>): FrameSchedule<Answer> => {
	let pending: Answer[] = [];
	let lastFrameAtMs = 0;
	// Undefined until the first answers are drawn.
	let lastAnswersAtMs: number | undefined;
	let timer: unknown;
	let isStopped = false;

	const periodMs = () => Math.min(intervalMs(), maxFrameMs);

	const arm = (ms: number) => {
		clock.clearTimeout(timer);
		timer = clock.setTimeout(onTimer, ms);
	};

	const flush = () => {
		const answers = pending;
		pending = [];
		const nowMs = clock.now();
		lastFrameAtMs = nowMs;
		if (answers.length > 0) {
			lastAnswersAtMs = nowMs;
		}

		arm(periodMs() * timerPeriods);
		draw(answers, nowMs);
	};

	function onTimer() {
		timer = undefined;
		if (isStopped) {
			return;
		}

		// Without answers, a frame only for the ages: at most once a second.
		const sinceFrameMs = clock.now() - lastFrameAtMs;
		if (pending.length > 0 || sinceFrameMs >= maxFrameMs) {
			flush();
		} else {
			arm(maxFrameMs * timerPeriods - sinceFrameMs);
		}
	}

	return {
		start() {
			isStopped = false;
			// The screen as first drawn counts as a frame.
			lastFrameAtMs = clock.now();
			arm(periodMs() * timerPeriods);
		},

		add(answer, isRoundOver) {
			if (isStopped) {
				return;
			}

			pending.push(answer);
			if (lastAnswersAtMs === undefined) {
				// The first answers: nobody waits long for a first frame.
				if (isRoundOver) {
					flush();
				} else if (pending.length === 1) {
					arm(firstAnswersWaitMs);
				}

				return;
			}

			const sinceAnswersMs = clock.now() - lastAnswersAtMs;
			if (isRoundOver && sinceAnswersMs >= periodMs() * extraRoundShare) {
				flush();
			}
		},

		stop() {
			isStopped = true;
			clock.clearTimeout(timer);
			timer = undefined;
		},
	};
};
