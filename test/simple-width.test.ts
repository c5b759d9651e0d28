import assert from 'node:assert/strict';
import {test} from 'node:test';

import stringWidth from 'string-width';

import {simpleWidth} from '../source/terminal/simple-width.js';
import {seededRandom} from './helpers/seeded-random.js';

const simpleParts = [
	'a',
	' ',
	'1.2 MiB/s',
	'~',
	'\u001B[36m',
	'\u001B[39m',
	'\u001B[1;7m',
	'\u001B[38;5;208m',
	'\u001B[m',
	'…',
	'▁',
	'█',
	'▏',
	'·',
	'▲',
	'▼',
	'▸',
	'↑',
	'↓',
	'é',
	'ü',
	'ł',
	'田',
	'中',
	'さ',
	'ア',
	'李',
	'한',
	'🦊',
	'😀',
];
const otherParts = [
	'e\u0301',
	'🦊\u200D',
	'\uFE0F',
	'\u{1F3FB}',
	'\u{1F1FA}',
	'\u{1F321}',
	'\uD83E',
	'\u00AD',
	'\u3099',
	'\u1100',
	'\uFF21',
	'Ω',
	'\u0301',
	'\uFE0F',
	'\t',
	'\u001B',
	'\u001B[2J',
	'\u001B]0;title\u0007',
	'\u001B[36',
	'\u200B',
	'▐',
	'■',
];

test('simple width - counts ASCII, colours, marks and CJK as string-width does', () => {
	const random = seededRandom(3);
	for (let round = 0; round < 3000; round++) {
		let text = '';
		for (let parts = random.below(8); parts > 0; parts--) {
			text += random.pick(simpleParts);
		}

		assert.equal(simpleWidth(text), stringWidth(text), JSON.stringify(text));
	}
});

test('simple width - leaves every other text to string-width', () => {
	const random = seededRandom(4);
	for (let round = 0; round < 3000; round++) {
		let text = '';
		for (let parts = random.below(4); parts > 0; parts--) {
			text += random.pick(simpleParts);
		}

		const other = random.pick(otherParts);
		const at = random.below(text.length + 1);
		text = text.slice(0, at) + other + text.slice(at);
		assert.equal(simpleWidth(text), -1, JSON.stringify(text));
	}
});

test('simple width - every character it knows alone is as wide as string-width says', () => {
	for (let code = 0; code <= 0xff_ff; code++) {
		const character = String.fromCharCode(code);
		const width = simpleWidth(character);
		if (width >= 0) {
			assert.equal(width, stringWidth(character), `U+${code.toString(16)}`);
		}
	}
});

// What can join an emoji to the next character or change how it is drawn.
const joiners = ['\u200D', '\uFE0F', '\uFE0E', '\u{1F3FB}', '\u{E0041}', '\u20E3'];

test('simple width - an emoji it counts is as wide as string-width says', () => {
	for (let codePoint = 0x1_f0_00; codePoint <= 0x1_fa_ff; codePoint++) {
		const emoji = String.fromCodePoint(codePoint);
		// Alone and among others.
		for (const text of [emoji, `a${emoji}b`, `${emoji}${emoji}`, `中${emoji}`]) {
			const width = simpleWidth(text);
			if (width >= 0) {
				assert.equal(
					width,
					stringWidth(text),
					`U+${codePoint.toString(16)} in ${text}`,
				);
			}
		}

		for (const next of joiners) {
			assert.equal(
				simpleWidth(emoji + next),
				-1,
				`U+${codePoint.toString(16)}`,
			);
		}
	}

	assert.equal(simpleWidth('🦊 fox-2'), 8);
});
