// A minimal route table: `:name` segments become params; literal routes must come before
// parameterised ones that would also match (as in FastAPI, first match wins).
import type { Reply } from './httpIo';
import type { ServerState } from './serverState';

export interface RequestContext {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly rawBody: string;
  /** Parsed JSON body; undefined when the body is empty or not JSON. */
  readonly body: unknown;
  /** Server clock, after due lifecycle steps have run. */
  readonly now: number;
  readonly state: ServerState;
  /** e.g. http://127.0.0.1:1234 */
  readonly baseUrl: string;
  /** Position of the accepted API key in the server's list; -1 on unauthenticated routes. */
  readonly keyIndex: number;
}

export type Handler = (ctx: RequestContext) => Reply;

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly keys: readonly string[];
  readonly handler: Handler;
}

export function route(method: string, template: string, handler: Handler): Route {
  const keys: string[] = [];
  const source = template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-z_]+)/g, (_m, key: string) => {
    keys.push(key);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}$`), keys, handler };
}

export type Match =
  | { readonly kind: 'found'; readonly route: Route; readonly params: Record<string, string> }
  | { readonly kind: 'wrongMethod' }
  | { readonly kind: 'none' };

export function matchRoute(routes: readonly Route[], method: string, path: string): Match {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (!m) continue;
    if (r.method !== method) {
      pathMatched = true;
      continue;
    }
    const params: Record<string, string> = {};
    r.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1])));
    return { kind: 'found', route: r, params };
  }
  return pathMatched ? { kind: 'wrongMethod' } : { kind: 'none' };
}
