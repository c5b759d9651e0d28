import {between} from './seeded-random.js';
import {dropDevice} from './simulated-users.js';
import type {SimStream, SimulationState} from './simulation-state.js';

/** Bytes for `elapsedMs`, now and then. Returns false when a kick landed. */
export const moveBytes = (
	state: SimulationState,
	stream: SimStream,
	elapsedMs: number,
): boolean => {
	const {random} = state;
	if (random() >= stream.activity) {
		return true;
	}

	const scale = (elapsedMs / 1000) * between(random, 0.3, 1.7);
	const isKept = state.store.addStreamTraffic(
		stream.handle,
		Math.round(stream.txRate * scale),
		Math.round(stream.rxRate * scale),
	);
	if (!isKept) {
		dropDevice(state, stream.device);
	}

	return isKept;
};

// Returns false when the stream is gone.
const advanceStream = (
	state: SimulationState,
	stream: SimStream,
	elapsedMs: number,
): boolean => {
	const {store, random, clockMs} = state;
	const {handle} = stream;
	if (handle.state === 'closed') {
		store.closeStream(handle);
		return false;
	}

	if (handle.state === 'estab') {
		if (clockMs < stream.endsAtMs) {
			return moveBytes(state, stream, elapsedMs);
		}

		// A closing stream is caught in the dump only now and then.
		if (random() < 0.1) {
			store.setStreamState(handle, 'closed');
			return true;
		}

		store.closeStream(handle);
		return false;
	}

	if (clockMs >= stream.phaseEndsAtMs) {
		stream.phaseEndsAtMs = clockMs + between(random, 10, 300);
		const isSniffed = stream.hookedReqAddr !== undefined;
		if (handle.state === 'init') {
			store.setStreamState(handle, isSniffed ? 'hook' : 'connect');
		} else if (handle.state === 'hook') {
			store.setStreamState(handle, 'connect', stream.hookedReqAddr);
		} else {
			store.setStreamState(handle, 'estab');
		}
	}

	return true;
};

/**
Moves each stream on by `elapsedMs`: through init, hook and connect to estab,
bytes while established, then closed. Keeps only the streams still open.
*/
export const advanceStreams = (
	state: SimulationState,
	elapsedMs: number,
): void => {
	const {streams} = state;
	let kept = 0;
	for (const stream of streams) {
		// Streams of a disconnected or kicked device ended with it.
		if (stream.handle.isOpen && advanceStream(state, stream, elapsedMs)) {
			streams[kept++] = stream;
		}
	}

	streams.length = kept;
};
