// Which handler answers a request: public routes, then the API key check, then the routes of
// the API generations the server currently serves. Routes of a generation not served answer
// like a real server without them (SPA page or JSON 404; contract pitfall §11.1).
import type { IncomingHttpHeaders } from 'node:http';
import { authenticate } from './auth';
import type { Reply } from './httpIo';
import { NOT_FOUND, detail, htmlPage, json } from './httpIo';
import type { RequestContext, Route } from './router';
import { matchRoute, route } from './router';
import type { ServerState } from './serverState';
import { keyRoutes, publicV1Routes, v1AccountRoutes } from './v1AccountRoutes';
import { v1ConversationRoutes } from './v1ConversationRoutes';
import { v1EventRoutes } from './v1EventRoutes';
import { v1TaskRoutes } from './v1TaskRoutes';
import { V0_PREFIXES, v0Routes } from './v0Routes';

const HEALTH_ROUTES: readonly Route[] = [
  route('GET', '/alive', () => json(200, { status: 'ok' })),
  route('GET', '/health', () => json(200, 'OK')),
];
const V1_ROUTES = [...v1TaskRoutes, ...v1ConversationRoutes, ...v1EventRoutes, ...v1AccountRoutes];

export interface IncomingApiRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
}

function parseJson(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

function removedRoute(state: ServerState, method: string): Reply {
  if (state.options.removedRoutes === '404') return NOT_FOUND;
  // A static-files fallback serves the SPA for GET and refuses other methods.
  return method === 'GET' || method === 'HEAD' ? htmlPage() : { status: 405, raw: 'Method Not Allowed', contentType: 'text/plain; charset=utf-8' };
}

function isRemoved(state: ServerState, path: string): boolean {
  return (!state.servesV1 && path.startsWith('/api/v1/')) || (!state.servesV0 && V0_PREFIXES.some((p) => path.startsWith(p)));
}

export function dispatch(state: ServerState, request: IncomingApiRequest, baseUrl: string): Reply {
  const { method, path } = request;
  const base = { method, path, query: request.query, rawBody: request.rawBody, body: parseJson(request.rawBody), now: state.now(), state, baseUrl };
  const publicRoutes = state.servesV1 ? [...HEALTH_ROUTES, ...publicV1Routes] : HEALTH_ROUTES;
  const open = matchRoute(publicRoutes, method, path);
  if (open.kind === 'found') return open.route.handler({ ...base, params: open.params, keyIndex: -1 });
  const routes = [...(state.servesV1 ? V1_ROUTES : []), ...(state.servesV0 ? v0Routes : []), ...keyRoutes];
  const match = matchRoute(routes, method, path);
  // A generation that is not served is simply not there, whatever the credentials.
  if (match.kind === 'none' && isRemoved(state, path)) return removedRoute(state, method);
  let keyIndex = -1;
  if (path.startsWith('/api/')) {
    const auth = authenticate(request.headers, state.options.apiKeys);
    if (!auth.ok) return auth.reply;
    keyIndex = auth.keyIndex;
  }
  if (match.kind === 'found') {
    const ctx: RequestContext = { ...base, params: match.params, keyIndex };
    return match.route.handler(ctx);
  }
  return match.kind === 'wrongMethod' ? detail(405, 'Method Not Allowed') : NOT_FOUND;
}
