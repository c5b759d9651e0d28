// Ways the demo server can misbehave on purpose, so that every failure a
// monitor meets in the wild can be replayed over real HTTP.

export type FaultKind =
	/** Accepts the request and never answers. */
	| 'hang'
	/** Answers normally after `delayMs`. */
	| 'slow'
	/** Resets the connection (TCP RST) before answering. */
	| 'reset'
	/** 500 with an HTML page, as a reverse proxy in front would send. */
	| 'html-500'
	/** The right answer, cut short with honest HTTP framing. */
	| 'truncate'
	/** A body that is not JSON. */
	| 'malformed'
	/** JSON of the wrong shape. */
	| 'wrong-shape'
	/** The JSON body `null`, which Go writes for a nil map. */
	| 'null'
	/** A body of `sizeBytes`, streamed without a length. */
	| 'huge'
	/** 401 even with the right secret, as after a secret change. */
	| 'unauthorized'
	/** 404, as a server older than the endpoint answers. */
	| 'not-found'
	/** Counters restart from zero and running streams vanish. */
	| 'restart'
	/** Counters and ids beyond 2^53, up to uint64's limit. */
	| 'big-numbers'
	/** Stream times with 0 to 9 fraction digits, odd zones, zero time. */
	| 'odd-times';

/** The API routes a fault can hit; `clear` is `GET /traffic?clear=1`. */
export type ApiRoute = 'traffic' | 'clear' | 'online' | 'streams' | 'kick';

/** `traffic` covers clears too; `all` covers every route. */
export type FaultEndpoint = ApiRoute | 'all';

export type Fault = {
	readonly kind: FaultKind;
	/** Default `all` (for `restart`, the whole server). */
	readonly endpoint?: FaultEndpoint;
	/** `slow`: how long each answer waits. Default 2000. */
	readonly delayMs?: number;
	/** `huge`: body size. Default 300 MiB. */
	readonly sizeBytes?: number;
	/** `restart`: restart again every so often. Default: once, when set. */
	readonly everyMs?: number;
	/** `malformed`, `wrong-shape`, `html-500`: this body, not the built-in. */
	readonly body?: string;
};

export const faultKinds: readonly FaultKind[] = [
	'hang',
	'slow',
	'reset',
	'html-500',
	'truncate',
	'malformed',
	'wrong-shape',
	'null',
	'huge',
	'unauthorized',
	'not-found',
	'restart',
	'big-numbers',
	'odd-times',
];

export const apiRoutes: readonly ApiRoute[] = [
	'traffic',
	'clear',
	'online',
	'streams',
	'kick',
];

const mebibyte = 1024 * 1024;

// Where a kind makes sense: a kick answers with an empty body, so faults of
// the body's content do not apply to it.
const bodyRoutes: readonly FaultEndpoint[] = [
	'all',
	'traffic',
	'clear',
	'online',
	'streams',
];
const allowedEndpoints: Readonly<Record<FaultKind, readonly FaultEndpoint[]>> =
	{
		hang: ['all', ...apiRoutes],
		slow: ['all', ...apiRoutes],
		reset: ['all', ...apiRoutes],
		'html-500': ['all', ...apiRoutes],
		truncate: bodyRoutes,
		malformed: bodyRoutes,
		'wrong-shape': bodyRoutes,
		null: bodyRoutes,
		huge: bodyRoutes,
		unauthorized: ['all', ...apiRoutes],
		'not-found': ['all', ...apiRoutes],
		restart: ['all'],
		'big-numbers': ['all', 'traffic', 'online', 'streams'],
		'odd-times': ['all', 'streams'],
	};

// The kinds that take a number in a spec, what it means, and its field.
const valueFields: Partial<
	Record<
		FaultKind,
		{
			readonly what: string;
			readonly toFault: (value: number) => Partial<Fault>;
		}
	>
> = {
	slow: {what: 'a delay in milliseconds', toFault: delayMs => ({delayMs})},
	huge: {
		what: 'a size in MiB',
		toFault: mebibytes => ({sizeBytes: mebibytes * mebibyte}),
	},
	restart: {
		what: 'a period in milliseconds',
		toFault: everyMs => ({everyMs}),
	},
};

const isFaultKind = (text: string): text is FaultKind =>
	(faultKinds as readonly string[]).includes(text);

const parseItem = (item: string): Fault => {
	const [kindText = '', endpointText, valueText, ...rest] = item.split(':');
	const problem = (reason: string) =>
		new Error(`invalid fault "${item}": ${reason}`);
	if (!isFaultKind(kindText)) {
		throw problem(`unknown kind "${kindText}"; known: ${faultKinds.join(', ')}`);
	}

	const kind = kindText;
	if (rest.length > 0) {
		throw problem('expected kind[:endpoint[:value]]');
	}

	const endpoint = (endpointText ?? 'all') as FaultEndpoint;
	const allowed = allowedEndpoints[kind];
	if (!allowed.includes(endpoint)) {
		throw problem(`${kind} applies to ${allowed.join(', ')}`);
	}

	const value = valueFields[kind];
	if (valueText === undefined) {
		return {kind, endpoint};
	}

	if (value === undefined) {
		throw problem(`${kind} takes no value`);
	}

	if (!/^\d+$/.test(valueText) || Number(valueText) <= 0) {
		throw problem(`the value must be ${value.what}, a positive integer`);
	}

	return {kind, endpoint, ...value.toFault(Number(valueText))};
};

/**
Reads faults written as `kind[:endpoint[:value]]`, separated by commas, as in
`hang:streams,html-500:online,slow:all:3000,huge:streams:300`. The value is
the delay of `slow` (ms), the size of `huge` (MiB) and the period of
`restart` (ms). Throws an Error whose message names the bad item and why.
*/
export const parseFaultSpec = (text: string): Fault[] => {
	const items = text
		.split(',')
		.map(item => item.trim())
		.filter(item => item !== '');
	if (items.length === 0) {
		throw new Error(
			'invalid fault spec: expected kind[:endpoint[:value]], e.g. hang:streams',
		);
	}

	return items.map(item => parseItem(item));
};

/** Whether a fault hits a request to `route`. */
export const isFaultOn = (fault: Fault, route: ApiRoute): boolean => {
	const endpoint = fault.endpoint ?? 'all';

	return (
		endpoint === 'all' ||
		endpoint === route ||
		(endpoint === 'traffic' && route === 'clear')
	);
};

/** The first fault of `kind` that hits `route`, if any. */
export const findFault = (
	faults: readonly Fault[],
	route: ApiRoute | undefined,
	kinds: readonly FaultKind[],
): Fault | undefined =>
	route === undefined
		? undefined
		: faults.find(
				fault => kinds.includes(fault.kind) && isFaultOn(fault, route),
			);
