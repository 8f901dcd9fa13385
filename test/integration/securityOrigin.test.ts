// Security, part 2: where the key may go. Only to the configured server's origin: never
// after a redirect to another origin, never to a conversation_url or any URL in a reply,
// never over plain http off this machine; and a workspace cannot point the extension
// elsewhere (openhands.serverUrl is application-scoped and restricted in untrusted folders).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CREATE_PATH, POLL_PATH, quietStart, serverUrl, sleep, startRunning, startTask, told } from './faultHelpers';
import { apiKey, control, waitFor } from './helpers';

/** Another origin (another port on this machine) that writes down whatever reaches it. */
async function recorder(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} auth=${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())) };
}

const openhands = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('openhands');
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('security: the key goes only to the configured server', function () {
  this.timeout(45_000);
  let other: Awaited<ReturnType<typeof recorder>>;

  before(async () => {
    other = await recorder();
  });
  after(() => other.close());

  it('a redirect to another origin is not followed, for a poll or a create', async () => {
    const api = await quietStart('v1');
    await startRunning(api, 'Redirected');
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, status: 302, headers: { Location: `${other.url}/steal?x=1` }, times: 1 });
    await waitFor(() => api.connectionProblem(), (p) => p !== undefined, 'the refused redirect', 15_000);
    assert.match(api.connectionProblem() ?? '', new RegExp(`redirects elsewhere \\(redirects to ${escape(other.url)}\\)`));
    const from = api.messages().length;
    await control.addFault({ method: 'POST', path: CREATE_PATH.v1, status: 307, headers: { Location: `${other.url}/api/v1/app-conversations` }, times: 1 });
    await startTask('Redirected create');
    assert.match(told(api, from)[0]?.text ?? '', /redirects elsewhere/);
    assert.deepEqual(other.seen, [], 'a request reached the other origin');
    assert.equal((await control.conversations()).length, 1, 'only the first task exists');
  });

  it('conversation_url, agent_server_url and links in replies are never fetched', async () => {
    const api = await quietStart('v1');
    const started = await startRunning(api, 'Links in replies');
    const reply = await fetch(`${serverUrl()}/api/v1/app-conversations?ids=${started.id}`, { headers: { authorization: `Bearer ${apiKey()}` } });
    const [conversation] = (await reply.json()) as Record<string, unknown>[];
    const baited = { ...conversation, conversation_url: `${other.url}/api/conversations/x`, title: `See ${other.url}/look` };
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, status: 200, body: [baited], times: 3 });
    await waitFor(async () => (await control.requests()).filter((r) => new RegExp(POLL_PATH.v1).test(r.path)).length, (n) => n >= 3, 'three polls', 30_000);
    await sleep(500);
    assert.deepEqual(other.seen, []);
  });

  it('plain http to a host that is not this machine is refused, with a clear message, before anything is sent', async () => {
    const api = await quietStart('v1');
    try {
      await openhands().update('serverUrl', 'http://openhands.example.test', vscode.ConfigurationTarget.Global);
      const problem = await waitFor(() => api.connectionProblem(), (p) => /plain http/.test(p ?? ''), 'the refusal');
      assert.match(problem ?? '', /Refusing to send the API key over plain http to http:\/\/openhands\.example\.test — use https:\/\/ in the openhands\.serverUrl setting \(plain http is only allowed for localhost\)\./);
      assert.equal(api.connectionState(), 'unreachable');
      const from = api.messages().length;
      await startTask('Over plain http');
      assert.match(told(api, from)[0]?.text ?? '', /Refusing to send the API key over plain http/);
    } finally {
      await openhands().update('serverUrl', serverUrl(), vscode.ConfigurationTarget.Global);
    }
    await waitFor(() => api.connectionState(), (s) => s === 'ready', 'back on the test server');
  });

  it('a workspace cannot change where the key goes (serverUrl is application-scoped)', async () => {
    const api = await quietStart('v1');
    await assert.rejects(Promise.resolve(openhands().update('serverUrl', other.url, vscode.ConfigurationTarget.Workspace)), 'a workspace value was written');
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.ok(folder);
    const dir = path.join(folder, '.vscode');
    const existed = fs.existsSync(dir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ 'openhands.serverUrl': other.url, 'openhands.apiVersion': 'v0' }));
    try {
      await sleep(1_500); // the configuration service picks the file up
      assert.equal(openhands().get('serverUrl'), serverUrl(), 'the workspace value won');
      assert.equal(openhands().get('apiVersion'), 'auto');
      await vscode.commands.executeCommand('openhands.refresh');
      await waitFor(() => api.connectionState(), (s) => s === 'ready', 'ready on the configured server');
      assert.deepEqual(other.seen, []);
    } finally {
      fs.rmSync(existed ? path.join(dir, 'settings.json') : dir, { recursive: true, force: true });
    }
  });
});
