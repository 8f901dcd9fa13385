// The same rules against Node's real fetch and real sockets on 127.0.0.1: redirect:'manual',
// aborting a trickling body and connection errors behave as the fakes assume.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenHandsConnection } from '../../../src/api/connection';
import { HttpClient } from '../../../src/api/http';

type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

interface TestServer {
  readonly url: string;
  readonly seen: http.IncomingMessage[];
  close(): Promise<void>;
}

async function serve(routes: Record<string, Route>): Promise<TestServer> {
  const seen: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    seen.push(req);
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"detail":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets would hold close() open
      }),
  };
}

const sendJson = (body: unknown): Route => (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));

describe('HttpClient with real fetch', () => {
  const servers: TestServer[] = [];
  const start = async (routes: Record<string, Route>): Promise<TestServer> => {
    const server = await serve(routes);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  const client = (serverUrl: string, timeoutMs = 2000): HttpClient =>
    new HttpClient({ serverUrl, getApiKey: async () => 'real-key', timeoutMs });

  it('sends the key to the server and reads JSON', async () => {
    const server = await start({ '/api/x': sendJson({ ok: true }) });
    assert.deepEqual(await client(server.url).request({ path: '/api/x', query: { ids: ['a', 'b'] } }), { ok: true });
    assert.equal(server.seen[0]?.headers.authorization, 'Bearer real-key');
    assert.equal(server.seen[0]?.url, '/api/x?ids=a&ids=b');
  });

  it('does not follow a redirect to another origin, so the key never gets there', async () => {
    const other = await start({ '/steal': sendJson({ stolen: true }) });
    const server = await start({ '/api/x': (_req, res) => res.writeHead(302, { location: `${other.url}/steal` }).end() });
    await assert.rejects(client(server.url).request({ path: '/api/x' }), { kind: 'redirected' });
    assert.equal(other.seen.length, 0);
  });

  it('times out a body that trickles after quick headers', async () => {
    const server = await start({
      '/slow': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('[');
        const timer = setInterval(() => res.write(' '), 10);
        res.on('close', () => clearInterval(timer));
      },
    });
    await assert.rejects(client(server.url, 150).request({ path: '/slow' }), { kind: 'timeout' });
  });

  it('an HTML page is notOpenHands; a closed port is a network error', async () => {
    const server = await start({ '/app': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>') });
    await assert.rejects(client(server.url).request({ path: '/app' }), { kind: 'notOpenHands' });
    const closed = await serve({});
    await closed.close();
    await assert.rejects(client(closed.url).request({ path: '/x' }), { kind: 'network', detail: 'ECONNREFUSED' });
  });

  it('OpenHandsConnection works end to end with the defaults', async () => {
    const server = await start({
      '/api/v1/app-conversations/count': sendJson(1),
      '/api/v1/app-conversations': sendJson([{ id: 'c1', sandbox_status: 'RUNNING', execution_status: 'running' }]),
    });
    const connection = new OpenHandsConnection({ serverUrl: server.url, apiVersion: 'auto', getApiKey: async () => 'real-key' });
    const api = await connection.api();
    assert.equal(api.version, 'v1');
    assert.equal((await api.getConversations(['c1'])).get('c1')?.phase, 'running');
  });
});
