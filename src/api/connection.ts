// Entry point of the API layer: one connection per configured server URL. It detects the
// API version once and hands out the matching adapter; settings changes make a new one.
import type { Logger } from './logger';
import { silentLogger } from './logger';
import { detectApiVersion } from './detectVersion';
import { ApiError } from './errors';
import type { FetchFn } from './http';
import { HttpClient } from './http';
import type { ApiVersion, OpenHandsApi } from './openHandsApi';
import type { RateLimitGate } from './rateLimitGate';
import { V0Adapter } from './v0Adapter';
import { V1Adapter } from './v1Adapter';

export interface OpenHandsConnectionOptions {
  readonly serverUrl: string;
  /** `auto` probes the server; `v1`/`v0` trust the setting and skip the probe. */
  readonly apiVersion: 'auto' | ApiVersion;
  /** Asked before every request, so a changed key applies at once. */
  readonly getApiKey: () => Promise<string | undefined>;
  readonly fetch?: FetchFn;
  readonly timeoutMs?: number;
  readonly log?: Logger;
  /** Epoch milliseconds. */
  readonly now?: () => number;
  /** Outlives this connection: a Retry-After wait holds for the next connection too. */
  readonly gate?: RateLimitGate;
}

export class OpenHandsConnection {
  readonly serverUrl: string;
  private readonly http: HttpClient;
  private readonly log: Logger;
  private adapter?: Promise<OpenHandsApi>;

  constructor(private readonly options: OpenHandsConnectionOptions) {
    this.log = options.log ?? silentLogger;
    this.http = new HttpClient({
      serverUrl: options.serverUrl,
      getApiKey: options.getApiKey,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
      log: this.log,
      now: options.now,
      gate: options.gate,
    });
    this.serverUrl = this.http.serverUrl;
  }

  /**
   * The adapter for this server. Detection runs once and is shared by concurrent callers;
   * a failed detection is forgotten so the next call tries again. `signal` only abandons
   * this caller's wait, never the shared detection.
   */
  async api(signal?: AbortSignal): Promise<OpenHandsApi> {
    if (signal?.aborted) throw new ApiError('cancelled', { cause: signal.reason });
    if (!(await this.options.getApiKey())) {
      throw new ApiError('unauthorized', { detail: 'No API key is set.' });
    }
    if (!this.adapter) {
      const pending = this.createAdapter();
      this.adapter = pending;
      pending.catch(() => {
        if (this.adapter === pending) this.adapter = undefined;
      });
    }
    return signal ? abandonOnAbort(this.adapter, signal) : this.adapter;
  }

  private async createAdapter(): Promise<OpenHandsApi> {
    const configured = this.options.apiVersion;
    const version = configured === 'auto' ? await detectApiVersion(this.http) : configured;
    this.log.info(`[api] ${this.serverUrl}: using the ${version.toUpperCase()} API${configured === 'auto' ? ' (detected)' : ''}`);
    return version === 'v1'
      ? new V1Adapter({ http: this.http, log: this.log, now: this.options.now })
      : new V0Adapter({ http: this.http, log: this.log });
  }
}

function abandonOnAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new ApiError('cancelled', { cause: signal.reason }));
    if (signal.aborted) onAbort(); // the signal may have fired while we read the key
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
