// Every failure of the API layer is an ApiError. Callers branch on `kind`, never on the
// message, so wording can change without breaking the UI; describeApiError() gives users
// one sentence that says what to do.

export type ApiErrorKind =
  | 'unauthorized' // 401, or no key set
  | 'forbidden' // 403
  | 'notFound' // 404
  | 'conflict' // 409 (e.g. sandbox not running)
  | 'gone' // 410 (archived)
  | 'validation' // 400 / 422: the server rejected the request's content
  | 'rateLimited' // 429
  | 'server' // 5xx
  | 'unexpectedStatus' // any other status we have no meaning for
  | 'timeout' // no complete answer in time (headers or body)
  | 'network' // refused, reset, DNS, TLS
  | 'notOpenHands' // HTML or non-JSON where JSON was expected
  | 'redirected' // redirect to another origin, or more than one redirect
  | 'malformed' // JSON of the wrong shape
  | 'insecureUrl' // plain http to a non-loopback host
  | 'invalidUrl' // the configured server URL cannot be parsed
  | 'cancelled'; // the caller's signal aborted

export interface ApiErrorInit {
  readonly status?: number;
  /** Milliseconds the server asked us to wait (Retry-After / X-RateLimit-Reset). */
  readonly retryAfterMs?: number;
  /** The server's own words, or our description of what was wrong. Never contains the key. */
  readonly detail?: string;
  /** Path of the request only: query strings may carry ids or tokens. */
  readonly url?: string;
  /** For `network`: the system's error code (ECONNREFUSED, ECONNRESET…), when known. */
  readonly code?: string;
  /** The request never left this machine (refused before sending, e.g. a rate-limit wait). */
  readonly notSent?: boolean;
  readonly cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly detail?: string;
  readonly url?: string;
  readonly code?: string;
  readonly notSent?: boolean;

  constructor(kind: ApiErrorKind, init: ApiErrorInit = {}) {
    super(summary(kind, init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = kind;
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.detail = init.detail;
    this.url = init.url;
    this.code = init.code;
    this.notSent = init.notSent;
  }
}

export function isApiError(err: unknown, kind?: ApiErrorKind): err is ApiError {
  return err instanceof ApiError && (kind === undefined || err.kind === kind);
}

/** The kind for an HTTP error status (only called for non-2xx, non-redirect answers). */
export function kindForStatus(status: number): ApiErrorKind {
  switch (status) {
    case 400:
    case 422:
      return 'validation';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 408:
      return 'timeout';
    case 409:
      return 'conflict';
    case 410:
      return 'gone';
    case 429:
      return 'rateLimited';
    default:
      return status >= 500 && status <= 599 ? 'server' : 'unexpectedStatus';
  }
}

// The developer-facing message (logs, stack traces); users get describeApiError().
function summary(kind: ApiErrorKind, init: ApiErrorInit): string {
  const parts: string[] = [kind];
  if (init.status !== undefined) parts.push(`HTTP ${init.status}`);
  if (init.url) parts.push(init.url);
  const head = parts.join(' ');
  return init.detail ? `${head}: ${init.detail}` : head;
}

const SET_KEY = '“OpenHands: Set API Key…”';
const URL_SETTING = 'the openhands.serverUrl setting';

export function describeApiError(err: unknown, serverUrl: string): string {
  if (!isApiError(err)) {
    return `Unexpected error talking to OpenHands: ${err instanceof Error ? err.message : String(err)}`;
  }
  return sentence(err, displayServerUrl(serverUrl));
}

function sentence(err: ApiError, server: string): string {
  const said = err.detail ? ` (the server said: “${err.detail}”)` : '';
  switch (err.kind) {
    case 'unauthorized':
      return err.status === undefined
        ? `No OpenHands API key is set. Set one with ${SET_KEY}.`
        : `The OpenHands server rejected the API key. Set a new key with ${SET_KEY}.`;
    case 'forbidden':
      return `The OpenHands server refused access${said}. Check the key's organization or set another key with ${SET_KEY}.`;
    case 'notFound':
      return `The OpenHands server does not know ${err.url ?? 'this resource'}; the conversation may have been deleted, or ${URL_SETTING} points at the wrong server.`;
    case 'conflict':
      return `The conversation is not in a state that allows this${said}; resume it or try again shortly.`;
    case 'gone':
      return `The conversation is archived on the server${said}; start a new one.`;
    case 'validation':
      return `The OpenHands server rejected the request${said}.`;
    case 'rateLimited':
      return `Rate limited by the server; try again in ${waitText(err.retryAfterMs)}.`;
    case 'server':
      return `The OpenHands server had a problem (HTTP ${err.status ?? '5xx'})${said}; try again later.`;
    case 'unexpectedStatus':
      return `The OpenHands server answered with unexpected HTTP status ${err.status ?? '?'}${said}; check ${URL_SETTING}.`;
    case 'timeout':
      return `${server} did not answer in time; check your connection and try again.`;
    case 'network':
      return `Can't reach ${server} — check the URL in ${URL_SETTING} and your connection.`;
    case 'notOpenHands':
      return `${server} does not look like an OpenHands server — check ${URL_SETTING}.`;
    case 'redirected':
      return `${server} redirects elsewhere${err.detail ? ` (${err.detail})` : ''} — put the OpenHands server's own address in ${URL_SETTING}.`;
    case 'malformed':
      return `${server} sent an answer the extension does not understand${err.detail ? ` (${err.detail})` : ''}; the server may run an incompatible OpenHands version.`;
    case 'insecureUrl':
      return `Refusing to send the API key over plain http to ${server} — use https:// in ${URL_SETTING} (plain http is only allowed for localhost).`;
    case 'invalidUrl':
      return `“${server}” is not a usable server URL — set ${URL_SETTING} to e.g. https://app.all-hands.dev.`;
    case 'cancelled':
      return 'The request was cancelled.';
  }
}

function waitText(ms: number | undefined): string {
  if (ms === undefined) return 'a minute';
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 120) return `${seconds} s`;
  return `${Math.ceil(seconds / 60)} min`;
}

/** The server URL as shown to users: no query, no fragment, no trailing slash. */
export function displayServerUrl(serverUrl: string): string {
  try {
    const url = new URL(serverUrl.trim());
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return serverUrl;
  }
}
