// The one way both adapters talk HTTP. It owns the security rules (key only to the
// configured origin, no cross-origin redirects, no plain http off this machine), the timeout
// and the size cap, so no adapter can forget one of them.
import { ApiError, displayServerUrl } from './errors';
import { interpretResponse } from './httpResponse';
import type { Logger } from './logger';
import { silentLogger } from './logger';
import type { RateLimitGate } from './rateLimitGate';
import { DEFAULT_MAX_BODY_BYTES, discardBody } from './readBody';
import { ServerClock } from './serverClock';
import type { Query } from './url';
import { assertAllowedScheme, parseServerUrl, resolveUrl, urlForLog } from './url';

export type FetchFn = (input: URL | string, init?: RequestInit) => Promise<Response>;

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface HttpClientOptions {
  readonly serverUrl: string;
  readonly getApiKey: () => Promise<string | undefined>;
  readonly fetch?: FetchFn;
  readonly timeoutMs?: number;
  readonly maxBodyBytes?: number;
  readonly log?: Logger;
  /** Epoch milliseconds; tests pin it to check Retry-After dates and durations. */
  readonly now?: () => number;
  /** Shared with later clients for the same server, so a 429's wait outlives a reconnect. */
  readonly gate?: RateLimitGate;
}

export interface HttpRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** `/api/…` relative to the server URL, or an absolute URL (which never gets the key). */
  readonly path: string;
  readonly query?: Query;
  /** Sent as JSON. */
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  readonly timeoutMs?: number;
}

interface Attempt {
  readonly url: URL;
  readonly method: string;
  readonly body?: string;
  readonly key?: string;
  readonly signal: AbortSignal;
}

export class HttpClient {
  /** The server URL as configured, for messages and browser links. */
  readonly serverUrl: string;
  /** The server's clock as its `Date` headers tell it. */
  readonly serverClock = new ServerClock();
  private readonly fetchFn: FetchFn;
  private readonly log: Logger;
  private readonly now: () => number;

  constructor(private readonly options: HttpClientOptions) {
    this.serverUrl = displayServerUrl(options.serverUrl);
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.log = options.log ?? silentLogger;
    this.now = options.now ?? Date.now;
  }

  /** The parsed JSON answer (undefined for an empty one); any failure is an ApiError. */
  async request(req: HttpRequest): Promise<unknown> {
    const base = parseServerUrl(this.options.serverUrl);
    const url = resolveUrl(base, req.path, req.query);
    const toServer = url.origin === base.origin;
    const key = toServer ? await this.requireKey(url) : undefined;
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const method = req.method ?? 'GET';
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    const started = this.now();
    const line = `${method} ${urlForLog(url, base)}`;
    const wait = toServer ? this.options.gate?.remainingMs() ?? 0 : 0;
    if (wait > 0) {
      this.log.debug(`${line} → held back: the server asked to wait ${Math.ceil(wait / 1000)} s more`);
      throw new ApiError('rateLimited', { url: url.pathname, retryAfterMs: wait, notSent: true });
    }
    try {
      const response = await this.fetchFollowingOneRedirect({ url, method, body, key, signal }, base);
      if (toServer) this.serverClock.observe(response.headers.get('date'), started, this.now());
      const maxBodyBytes = this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
      const result = await interpretResponse(response, { signal, maxBodyBytes, path: url.pathname, nowMs: this.now(), secret: key });
      this.log.debug(`${line} → ${response.status} (${this.now() - started} ms)`);
      return result;
    } catch (err) {
      const error = toApiError(err, { callerSignal: req.signal, timeout, timeoutMs, path: url.pathname });
      if (error.kind === 'rateLimited' && toServer) this.options.gate?.hold(error.retryAfterMs);
      this.log.debug(`${line} → ${error.status ?? error.kind} (${this.now() - started} ms)`);
      throw error;
    }
  }

  private async requireKey(url: URL): Promise<string> {
    const key = await this.options.getApiKey();
    if (key) return key;
    throw new ApiError('unauthorized', { url: url.pathname, detail: 'No API key is set.' });
  }

  // redirect:'manual' so the key is never replayed to another origin by fetch itself. One
  // same-origin hop is allowed (FastAPI's trailing-slash redirect, a proxy's canonical path).
  private async fetchFollowingOneRedirect(first: Attempt, base: URL): Promise<Response> {
    let attempt = first;
    for (let hop = 0; ; hop++) {
      assertAllowedScheme(attempt.url);
      const response = await this.fetchFn(attempt.url, init(attempt, attempt.url.origin === base.origin));
      const next = redirectTarget(response, attempt.url);
      if (next === undefined) return response;
      discardBody(response);
      attempt = followable(attempt, response.status, next, hop);
    }
  }
}

function init(attempt: Attempt, sendKey: boolean): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (attempt.body !== undefined) headers['Content-Type'] = 'application/json';
  if (sendKey && attempt.key) headers['Authorization'] = `Bearer ${attempt.key}`;
  return { method: attempt.method, headers, body: attempt.body, redirect: 'manual', signal: attempt.signal };
}

function redirectTarget(response: Response, from: URL): URL | undefined {
  if (response.type === 'opaqueredirect') {
    throw new ApiError('redirected', { url: from.pathname, detail: 'the server redirected elsewhere' });
  }
  if (![301, 302, 303, 307, 308].includes(response.status)) return undefined;
  const location = response.headers.get('location');
  if (!location) return undefined; // a 3xx without a target is just an unexpected status
  try {
    return new URL(location, from);
  } catch {
    throw new ApiError('redirected', { status: response.status, url: from.pathname, detail: 'bad Location header' });
  }
}

function followable(attempt: Attempt, status: number, next: URL, hop: number): Attempt {
  const fail = (detail: string): never => {
    throw new ApiError('redirected', { status, url: attempt.url.pathname, detail });
  };
  if (next.origin !== attempt.url.origin) fail(`redirects to ${next.origin}`);
  if (hop >= 1) fail('more than one redirect');
  // 301/302/303 turn a POST into a GET: a create would silently not happen.
  if (attempt.method !== 'GET' && status !== 307 && status !== 308) fail(`redirects a ${attempt.method}`);
  return { ...attempt, url: next };
}

interface FailureContext {
  readonly callerSignal?: AbortSignal;
  readonly timeout: AbortSignal;
  readonly timeoutMs: number;
  readonly path: string;
}

function toApiError(err: unknown, ctx: FailureContext): ApiError {
  if (err instanceof ApiError) return err;
  if (ctx.callerSignal?.aborted) return new ApiError('cancelled', { url: ctx.path, cause: err });
  if (ctx.timeout.aborted) {
    const detail = `no complete answer within ${ctx.timeoutMs / 1000} s`;
    return new ApiError('timeout', { url: ctx.path, detail, cause: err });
  }
  const code = networkCode(err);
  return new ApiError('network', { url: ctx.path, detail: code ?? networkDetail(err), code, cause: err });
}

// undici reports "fetch failed" with the useful part (ECONNREFUSED, ENOTFOUND…) in `cause`.
function networkCode(err: unknown): string | undefined {
  const cause = err instanceof Error ? err.cause : undefined;
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? cause.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function networkDetail(err: unknown): string | undefined {
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return err instanceof Error ? err.message : undefined;
}
