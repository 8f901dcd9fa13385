// An embedded OpenHands app server for tests and demos (the real cloud is unreachable here).
// It speaks the V1 and/or V0 REST API of ../../../shared/openhands-api.md, runs simulated
// conversations on a server clock, injects faults and logs requests. Node built-ins only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ClockMode } from './clock';
import { handleControl } from './controlRoutes';
import { dispatch } from './dispatch';
import type { Fault } from './faults';
import type { Reply } from './httpIo';
import { detail, htmlPage, json, readBody, sendReply } from './httpIo';
import { parseBodyForLog, queryMultiMap } from './requestLog';
import type { ScenarioName } from './scenarios';
import type { ServerControl } from './serverControl';
import { createServerControl } from './serverControl';
import type { ApiMode, RemovedRoutes } from './serverState';
import { ServerState } from './serverState';

export interface ServerOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default 'v1'. */
  readonly mode?: ApiMode;
  /** Default [DEMO_API_KEY]. */
  readonly apiKeys?: readonly string[];
  /** Default 'manual': time moves only with control.advance(). */
  readonly clock?: ClockMode;
  /** Default 'finish'. */
  readonly defaultScenario?: ScenarioName;
  /** How a route of the API version not served answers; default 'html'. */
  readonly removedRoutes?: RemovedRoutes;
}

export const DEMO_API_KEY = 'oh-demo-key-0123456789';

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly control: ServerControl;
  close(): Promise<void>;
}

function faultReply(fault: Fault | undefined): Reply | undefined {
  if (!fault) return undefined;
  if (fault.html) return htmlPage();
  if (fault.malformed) return { status: 200, raw: '{"items": [{"id": "3f2a', contentType: 'application/json' };
  if (fault.emptyBody) return { status: fault.status ?? 200, raw: '' };
  if (fault.status === undefined) return undefined;
  if (fault.body !== undefined) return json(fault.status, fault.body);
  // Defaults shaped like the real ones: the cloud limiter answers {"error": …} (contract §6.3).
  return fault.status === 429 ? json(429, { error: 'Rate limit exceeded: 10 per 1 second' }) : detail(fault.status, `Injected fault ${fault.status}`);
}

export async function startOpenHandsServer(options: ServerOptions = {}): Promise<RunningServer> {
  const state = new ServerState({
    mode: options.mode ?? 'v1',
    apiKeys: options.apiKeys ?? [DEMO_API_KEY],
    clock: options.clock ?? 'manual',
    defaultScenario: options.defaultScenario ?? 'finish',
    removedRoutes: options.removedRoutes ?? 'html',
  });
  const control = createServerControl(state);
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };
  let baseUrl = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = (req.method ?? 'GET').toUpperCase();
    const rawBody = await readBody(req);
    if (url.pathname.startsWith('/_control/')) {
      sendReply(res, handleControl(control, method, url.pathname, rawBody), { later });
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const rawQuery = url.search.replace(/^\?/, '');
    state.log.push({ method, path: url.pathname, rawQuery, query: queryMultiMap(url.searchParams), headers, body: parseBodyForLog(rawBody), at: state.now() });
    const fault = state.faults.take(method, url.pathname);
    if (fault?.delayMs) {
      await new Promise<void>((resolve) => later(fault.delayMs as number, resolve));
    }
    if (fault?.reset) {
      req.socket.destroy();
      return;
    }
    // A delayed request is still handled even if the client gave up: "created, answer lost".
    const reply = faultReply(fault) ?? dispatch(state, { method, path: url.pathname, query: url.searchParams, headers: req.headers, rawBody }, baseUrl);
    sendReply(res, reply, { later, ...(fault?.headers ? { extraHeaders: fault.headers } : {}), ...(fault?.trickleMs ? { trickleMs: fault.trickleMs } : {}) });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('OpenHands test server: handler failed', error);
      sendReply(res, detail(500, 'Internal Server Error'), { later });
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${urlHost}:${port}`;

  return {
    url: baseUrl,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and trickling connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
