// A small HTTP client for the server tests: real requests over the loopback, parsed replies.
import type { RunningServer, ServerOptions } from '../../server/openHandsServer';
import { DEMO_API_KEY, startOpenHandsServer } from '../../server/openHandsServer';

export interface ApiReply {
  readonly status: number;
  readonly headers: Headers;
  readonly contentType: string;
  readonly text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  readonly json: unknown;
}

export interface CallOptions {
  readonly body?: unknown;
  /** Raw body text (sent as-is, with a JSON content type). */
  readonly rawBody?: string;
  /** null sends no credentials at all. */
  readonly key?: string | null;
  readonly headers?: Record<string, string>;
}

export class TestApi {
  constructor(readonly server: RunningServer, readonly key: string = DEMO_API_KEY) {}

  get control(): RunningServer['control'] {
    return this.server.control;
  }

  async call(method: string, path: string, options: CallOptions = {}): Promise<ApiReply> {
    const key = options.key === undefined ? this.key : options.key;
    const headers: Record<string, string> = { ...(key !== null ? { Authorization: `Bearer ${key}` } : {}), ...options.headers };
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.server.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, contentType: response.headers.get('content-type') ?? '', text, json };
  }

  get(path: string, options?: CallOptions): Promise<ApiReply> {
    return this.call('GET', path, options);
  }

  post(path: string, body?: unknown, options: CallOptions = {}): Promise<ApiReply> {
    return this.call('POST', path, { ...options, ...(body !== undefined ? { body } : {}) });
  }

  /** Starts a V1 conversation; returns the start task. */
  async start(text: string, extra: Record<string, unknown> = {}): Promise<Record<string, any>> {
    const reply = await this.post('/api/v1/app-conversations', {
      initial_message: { role: 'user', content: [{ type: 'text', text }], run: true },
      selected_repository: 'acme/webshop',
      selected_branch: 'main',
      git_provider: 'github',
      ...extra,
    });
    if (reply.status !== 200) throw new Error(`start failed: ${reply.status} ${reply.text}`);
    return reply.json as Record<string, any>;
  }

  async task(id: string): Promise<Record<string, any>> {
    const reply = await this.get(`/api/v1/app-conversations/start-tasks?ids=${id}`);
    return (reply.json as Record<string, any>[])[0];
  }

  async conversation(id: string): Promise<Record<string, any> | null> {
    const reply = await this.get(`/api/v1/app-conversations?ids=${id}`);
    return (reply.json as (Record<string, any> | null)[])[0];
  }

  async events(id: string, query = ''): Promise<Record<string, any>[]> {
    const reply = await this.get(`/api/v1/conversation/${id}/events/search${query}`);
    return (reply.json as { items: Record<string, any>[] }).items;
  }

  /** Starts a conversation and advances the manual clock until its task is READY. */
  async startReady(text: string, extra: Record<string, unknown> = {}): Promise<string> {
    const task = await this.start(text, extra);
    this.control.advance(4000);
    const ready = await this.task(task.id as string);
    if (ready.status !== 'READY') throw new Error(`task not READY: ${ready.status}`);
    return ready.app_conversation_id as string;
  }
}

/** The client sends the server's first API key unless told otherwise. */
export async function startTestServer(options: ServerOptions = {}): Promise<TestApi> {
  return new TestApi(await startOpenHandsServer(options), options.apiKeys?.[0] ?? DEMO_API_KEY);
}
