// Injected failures: what a flaky network, a proxy or a rate limiter does to a request.

export interface Fault {
  /** Only requests with this method (any case); default every method. */
  readonly method?: string;
  /** A prefix of the request path, or (starting with `^`) a regex tested against the path. */
  readonly path: string;
  /** Answer with this status instead of handling the request (body: `body` or a default). */
  readonly status?: number;
  readonly body?: unknown;
  /** Added to the answer, injected or real (e.g. Retry-After, X-RateLimit-*). */
  readonly headers?: Record<string, string>;
  /** Wait this many real ms before answering (the request is still handled afterwards). */
  readonly delayMs?: number;
  /** Send the answer's body in small pieces spread over this many real ms. */
  readonly trickleMs?: number;
  /** Destroy the socket without answering (the request is not handled). */
  readonly reset?: boolean;
  /** 200 text/html SPA page, as a server whose web UI swallows unknown routes. */
  readonly html?: boolean;
  /** 200 application/json whose body is not valid JSON. */
  readonly malformed?: boolean;
  /** Empty body (status `status` or 200). */
  readonly emptyBody?: boolean;
  /** How many matching requests it applies to; default unlimited. */
  readonly times?: number;
}

/** Validates a fault that arrived as JSON; returns an error message or null. */
export function faultProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return 'a fault must be an object';
  }
  const fault = value as Record<string, unknown>;
  if (typeof fault.path !== 'string' || fault.path === '') {
    return 'fault.path must be a non-empty string';
  }
  for (const key of ['status', 'delayMs', 'trickleMs', 'times'] as const) {
    if (fault[key] !== undefined && (typeof fault[key] !== 'number' || (fault[key] as number) < 0)) {
      return `fault.${key} must be a number >= 0`;
    }
  }
  if (fault.path.startsWith('^')) {
    try {
      new RegExp(fault.path);
    } catch {
      return `fault.path is not a valid regex: ${fault.path}`;
    }
  }
  return null;
}

export class FaultBook {
  private entries: { fault: Fault; left: number; pattern: RegExp | null }[] = [];

  add(fault: Fault): void {
    const pattern = fault.path.startsWith('^') ? new RegExp(fault.path) : null;
    this.entries.push({ fault, left: fault.times ?? Infinity, pattern });
  }

  clear(): void {
    this.entries = [];
  }

  list(): Fault[] {
    return this.entries.map((entry) => entry.fault);
  }

  /** The first fault matching the request, counted as used. */
  take(method: string, path: string): Fault | undefined {
    const index = this.entries.findIndex(
      (entry) =>
        (entry.fault.method === undefined || entry.fault.method.toUpperCase() === method.toUpperCase()) &&
        (entry.pattern ? entry.pattern.test(path) : path.startsWith(entry.fault.path)),
    );
    if (index < 0) {
      return undefined;
    }
    const entry = this.entries[index];
    entry.left--;
    if (entry.left <= 0) {
      this.entries.splice(index, 1);
    }
    return entry.fault;
  }
}
