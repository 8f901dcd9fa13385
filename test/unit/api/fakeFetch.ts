// A fetch stand-in that records every request and answers from handlers the test sets up.
import type { ApiError } from '../../../src/api/errors';
import type { FetchFn } from '../../../src/api/http';
import type { Logger } from '../../../src/api/logger';

export interface RecordedRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body?: unknown;
  readonly redirect?: RequestRedirect;
  readonly signal?: AbortSignal;
}

export type Handler = (req: RecordedRequest) => Response | Promise<Response>;

export class FakeFetch {
  readonly requests: RecordedRequest[] = [];
  private readonly routes: { method: string; path: string; handler: Handler }[] = [];
  private fallback: Handler = () => json({ detail: 'Not Found' }, 404);

  /** Routes on method + pathname (query ignored); the newest matching route wins. */
  on(method: string, path: string, handler: Handler): this;
  /** Answers with this Response (a fresh clone each time) or this value as JSON. */
  on(method: string, path: string, value: unknown): this;
  on(method: string, path: string, handler: unknown): this {
    const h: Handler = typeof handler === 'function' ? (handler as Handler) : () => asResponse(handler);
    this.routes.unshift({ method, path, handler: h });
    return this;
  }

  otherwise(handler: Handler): this {
    this.fallback = handler;
    return this;
  }

  readonly fetch: FetchFn = async (input, init) => {
    const url = new URL(String(input));
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const req: RecordedRequest = {
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body,
      redirect: init?.redirect,
      signal: init?.signal ?? undefined,
    };
    this.requests.push(req);
    const route = this.routes.find((r) => r.method === req.method && r.path === url.pathname);
    return (route?.handler ?? this.fallback)(req);
  };

  paths(): string[] {
    return this.requests.map((r) => `${r.method} ${r.url.pathname}`);
  }

  count(path: string): number {
    return this.requests.filter((r) => r.url.pathname === path).length;
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function html(status = 200, body = '<!doctype html><html><body>app</body></html>'): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export function text(body: string, status: number, contentType = 'text/plain'): Response {
  return new Response(body, { status, headers: { 'content-type': contentType } });
}

/** Headers arrive at once; the body then trickles one byte every `everyMs` forever. */
export function trickle(everyMs: number): Response {
  let timer: NodeJS.Timeout | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('['));
      timer = setInterval(() => controller.enqueue(new TextEncoder().encode(' ')), everyMs);
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
}

/** Never answers; rejects like real fetch when the request's signal aborts. */
export function hang(req: RecordedRequest): Promise<Response> {
  return new Promise((_, reject) => {
    req.signal?.addEventListener('abort', () => reject(req.signal?.reason), { once: true });
  });
}

/** What undici throws for a refused connection. */
export function refused(): never {
  throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
}

function asResponse(value: unknown): Response {
  return value instanceof Response ? value.clone() : json(value);
}

export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  trace = (m: string): void => void this.lines.push(`trace ${m}`);
  debug = (m: string): void => void this.lines.push(`debug ${m}`);
  info = (m: string): void => void this.lines.push(`info ${m}`);
  warn = (m: string): void => void this.lines.push(`warn ${m}`);
  error = (m: string | Error): void => void this.lines.push(`error ${String(m)}`);
}

/** The ApiError a request failed with; fails the test when it succeeded. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (err) {
    return err as ApiError;
  }
  throw new Error('expected the request to fail');
}

