// Proxy: the extension uses Node's global fetch, which VS Code (1.100, `http.fetchAdditionalSupport`,
// on by default) routes through its proxy support (`http.proxy`, `http.proxySupport`) and the
// system certificates. A loopback proxy shows it: VS Code never proxies 127.0.0.1/localhost, so
// the server is addressed as 127.0.0.2 (still loopback for our plain-http rule) and the proxy
// tunnels it to the embedded server. Nothing reaches the server except through the proxy.
import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { quietStart, serverUrl, startTask } from './faultHelpers';
import { control, waitFor } from './helpers';

/** An HTTP CONNECT proxy that tunnels 127.0.0.2 to 127.0.0.1 and writes down every tunnel. */
async function connectProxy(): Promise<{ url: string; tunnels: string[]; close(): Promise<void> }> {
  const tunnels: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const [host = '', port = '0'] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host === '127.0.0.2' ? '127.0.0.1' : host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('proxy: requests go through VS Code’s proxy support', function () {
  this.timeout(30_000);

  it('with http.proxy set, every request to the server goes through the proxy', async () => {
    const proxy = await connectProxy();
    const http_ = vscode.workspace.getConfiguration('http');
    const openhands = vscode.workspace.getConfiguration('openhands');
    const behindProxy = serverUrl().replace('//127.0.0.1:', '//127.0.0.2:');
    try {
      await http_.update('proxy', proxy.url, vscode.ConfigurationTarget.Global);
      await openhands.update('serverUrl', behindProxy, vscode.ConfigurationTarget.Global);
      const api = await quietStart('v1');
      await waitFor(() => api.connectionState(), (s) => s === 'ready', 'ready through the proxy');
      await startTask('Through the proxy');
      await waitFor(() => api.conversations().some((c) => c.title === 'Through the proxy'), Boolean, 'the task');
      const port = new URL(serverUrl()).port;
      assert.ok(proxy.tunnels.includes(`127.0.0.2:${port}`), `tunnels: ${JSON.stringify(proxy.tunnels)}`);
      const viaProxy = (await control.requests()).filter((r) => r.headers['host'] === `127.0.0.2:${port}`);
      const direct = (await control.requests()).filter((r) => r.path.startsWith('/api/') && r.headers['host'] !== `127.0.0.2:${port}`);
      assert.ok(viaProxy.length > 0);
      assert.deepEqual(direct.map((r) => r.path), [], 'requests that bypassed the proxy');
    } finally {
      await openhands.update('serverUrl', serverUrl(), vscode.ConfigurationTarget.Global);
      await http_.update('proxy', undefined, vscode.ConfigurationTarget.Global);
      await proxy.close();
    }
  });
});
