// Names and addresses the demo shows. They mix scripts, spaces, emoji and
// punctuation so that every pane is seen handling more than plain ASCII.

const baseUserIds = [
	'alice',
	'bob',
	'carol.w',
	'dave@example.com',
	'erin-phone',
	'frank_k',
	'grace',
	'heidi.m',
	'ivan',
	'judy',
	'李明',
	'mallory',
	'olivia.r',
	'Ana María',
	'peggy',
	'田中 さくら',
	'rupert',
	'sybil',
	'🦊 fox',
	'trent',
	'victor',
	'R&D lab',
	'walter',
	'yuki.tanaka',
	'k.müller',
	'zoë',
	'office printer',
	'ops-bot',
	'guest-7f3a',
	'backup-nas',
];

const controlCharacterIds = ['esc\u001B[31mred', 'bell\u0007user'];

export const plainAddresses = [
	'www.example.com:443',
	'api.example.net:443',
	'cdn.example.org:443',
	'video.example.com:443',
	'static.example.net:443',
	'mail.example.org:993',
	'git.example.com:22',
	'updates.example.net:80',
	'chat.example.org:5222',
	'[2001:db8::1]:443',
];

// Clients that resolve names themselves ask for an IP; sniffing the TLS or
// HTTP request then reveals the name.
export const sniffedAddresses: ReadonlyArray<readonly [string, string]> = [
	['203.0.113.10:443', 'www.example.com:443'],
	['198.51.100.7:443', 'video.example.com:443'],
	['203.0.113.54:443', 'api.example.net:443'],
	['192.0.2.33:80', 'updates.example.net:80'],
];

export const controlCharacterHook =
	'evil\u001B]0;pwned\u0007.example.com:443';

/** `count` distinct ids; past the list, names repeat as `name-2`, `name-3`. */
export const createUserIds = (
	count: number,
	withControls: boolean,
): string[] => {
	const base = withControls
		? [...controlCharacterIds, ...baseUserIds]
		: baseUserIds;

	return Array.from({length: count}, (_, index) => {
		const round = Math.floor(index / base.length);
		const name = base[index % base.length]!;

		return round === 0 ? name : `${name}-${round + 1}`;
	});
};
