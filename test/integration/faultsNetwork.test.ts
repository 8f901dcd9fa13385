// Fault matrix, the network itself: a reply that trickles in slower than the timeout, and a
// server that refuses connections for a while (a relay in front of the embedded server is
// closed and opened again on the same port). The view says "offline", nobody is notified,
// and the extension is back by itself when the server is.
import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import * as vscode from 'vscode';
import { POLL_PATH, logCount, quietStart, serverUrl, sleep, startRunning, told } from './faultHelpers';
import { control, waitFor } from './helpers';

/** A TCP relay to the embedded server that can be closed (connection refused) and reopened. */
class Relay {
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: URL) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** From now on connections are refused; open ones are cut. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

const setServerUrl = (url: string): Thenable<void> =>
  vscode.workspace.getConfiguration('openhands').update('serverUrl', url, vscode.ConfigurationTarget.Global);

describe('faults in the network', function () {
  this.timeout(60_000);

  it('a reply that trickles in slower than the timeout: times out, says so, reads again later', async () => {
    const api = await quietStart('v1');
    await startRunning(api, 'Slow body');
    const from = api.messages().length;
    const timeouts = (): Promise<number> => logCount(/\[session\] .* did not answer in time/);
    const before = await timeouts();
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, trickleMs: 20_000, times: 1 });
    // The poller retries at once after a 15 s timeout (its back-off counts from the start of
    // the failed poll), so "unreachable" may last only milliseconds: the log tells.
    await waitFor(timeouts, (n) => n > before, 'the timeout in the log', 30_000);
    await waitFor(() => api.connectionState(), (s) => s === 'ready', 'the next read to succeed', 20_000);
    assert.equal(api.connectionProblem(), undefined);
    assert.deepEqual(told(api, from), []);
  });

  it('connection refused, then the server is back: offline in the view, no notifications, back by itself', async () => {
    const relay = new Relay(new URL(serverUrl()));
    await relay.open();
    try {
      await setServerUrl(`http://127.0.0.1:${relay.port}`);
      const api = await quietStart('v1');
      await waitFor(() => api.connectionState(), (s) => s === 'ready', 'the connection through the relay');
      await startRunning(api, 'Server goes away');
      const from = api.messages().length;

      await relay.close();
      await waitFor(() => api.connectionState(), (s) => s === 'unreachable', 'the offline state', 20_000);
      assert.match(api.connectionProblem() ?? '', new RegExp(`Can't reach http://127\\.0\\.0\\.1:${relay.port} .*Retrying automatically`));
      await sleep(3_000);
      await relay.open(); // same port

      await waitFor(() => api.connectionState(), (s) => s === 'ready', 'back by itself', 40_000);
      assert.equal(api.connectionProblem(), undefined);
      assert.deepEqual(told(api, from), [], 'no notification storm while offline');
    } finally {
      await setServerUrl(serverUrl());
      await relay.close();
    }
  });
});
