// Security, part 1: after a full flow (V1 and V0, a finish, faults, an error body that echoes
// the key) the key is nowhere but in SecretStorage and the Authorization header: not in the
// log (at trace level), the settings, the workspace state, any URL or body the server saw, or
// any notification. And text from the server shown in the UI cannot become an active link.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ConversationItem } from '../../src/ui/conversationItem';
import { CREATE_PATH, logText, quietStart, rowOf, sleep, startRunning, startTask, told } from './faultHelpers';
import { apiKey, control, waitFor } from './helpers';

/** VS Code's own pattern for links in notification text (parseLinkedText). */
const ACTIVE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;

const refresh = (): Thenable<unknown> => vscode.commands.executeCommand('openhands.refresh');

function settingsFiles(): string[] {
  const user = path.join(process.env.VSCODE_CWD ?? process.cwd(), 'user-data', 'User', 'settings.json');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return [user, ...(folder ? [path.join(folder, '.vscode', 'settings.json')] : [])].filter((f) => fs.existsSync(f));
}

describe('security: the key stays secret', function () {
  this.timeout(60_000);

  before(async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'trace'); // the scan sees every request line
  });
  after(async () => {
    await vscode.commands.executeCommand('_extensionTests.setLogLevel', 'info');
  });

  it('after a full flow the key is in no log line, setting, workspace state, request URL or body, or notification', async () => {
    const key = apiKey();
    assert.ok(key.length >= 16, 'the test key is too short to search for');
    let api = await quietStart('v1');
    const from = api.messages().length;
    const started = await startRunning(api, 'Security flow');
    await control.advance(20_000);
    await refresh();
    await waitFor(() => rowOf(api, started)?.phase, (p) => p === 'finished', 'the finish');
    await control.addFault({ method: 'POST', path: CREATE_PATH.v1, status: 400, body: { detail: `Invalid request for key ${key}` }, times: 1 });
    await startTask('Echoed key');
    assert.match(told(api).at(-1)?.text ?? '', /Invalid request for key \*\*\*/, 'the echoed key was not masked');
    await control.addFault({ path: '/api/v1/app-conversations', status: 401, body: { error: 'failed to authenticate' }, times: 1 });
    await refresh();
    const seen = await control.requests(); // quietStart resets the server's log
    api = await quietStart('v0');
    await startTask('Security flow V0');
    await vscode.commands.executeCommand('openhands.setApiKey', key);
    await sleep(1_000); // the log is written asynchronously

    const log = logText();
    assert.match(log, /\[(debug|trace)\] GET \/api\/v1\/app-conversations\/search\?limit=…/, 'the log is not at trace level: the scan would miss request lines');
    assert.ok(!log.includes(key), 'the key is in the log');
    assert.ok(!/Bearer\s+\S/.test(log), 'an Authorization header is in the log');
    for (const file of settingsFiles()) assert.ok(!fs.readFileSync(file, 'utf8').includes(key), `the key is in ${file}`);
    const state = api.workspaceState();
    if (state) assert.ok(!JSON.stringify(state).includes(key), 'the key is in the workspace state');
    for (const message of told(api, from)) assert.ok(!message.text.includes(key), `the key is in a notification: ${message.text}`);

    seen.push(...(await control.requests()));
    assert.ok(seen.length > 20, `only ${seen.length} requests`);
    for (const request of seen) {
      const where = `${request.method} ${request.path}?${request.rawQuery}`;
      assert.ok(!where.includes(key) && !JSON.stringify(request.body ?? null).includes(key), `the key is in ${where}`);
      for (const [name, value] of Object.entries(request.headers)) {
        if (name === 'authorization') assert.equal(value, `Bearer ${key}`, `${where}: odd authorization header`);
        else assert.ok(!value.includes(key), `${where}: the key is in header ${name}`);
      }
    }
  });

  it('server text in the tooltip is plain text: no trusted markdown, no HTML, links escaped', () => {
    const hostile = '[Click me](command:workbench.action.closeWindow) <img src=x onerror=alert(1)> **bold**';
    const item = new ConversationItem(
      { id: 'c1', title: hostile, phase: 'failed', statusDetail: `Agent said: ${hostile}`, repository: 'octo/repo' },
      Date.now(),
      true,
    );
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportHtml, false);
    assert.ok(!ACTIVE_LINK.test(tooltip.value), `an active link in the tooltip: ${tooltip.value}`);
    assert.ok(tooltip.value.includes('\\[Click') && tooltip.value.includes('\\]\\(command:'), `link syntax not escaped: ${tooltip.value}`);
    assert.ok(!tooltip.value.includes('**bold**'), 'server markdown is rendered');
    assert.equal(item.label, hostile, 'the label is shown as typed (tree labels are plain text)');
  });

  it('a title with a command link reaches the notification as plain text', async () => {
    const api = await quietStart('v1');
    const title = '[Open](command:workbench.action.closeWindow) the door';
    const from = api.messages().length;
    const started = await startRunning(api, title);
    await control.advance(20_000);
    await refresh();
    await waitFor(() => rowOf(api, started)?.phase, (p) => p === 'finished', 'the finish');
    const finished = await waitFor(() => told(api, from).find((m) => /OpenHands finished/.test(m.text)), Boolean, 'the notification');
    assert.ok(finished?.text.includes('Open'), finished?.text);
    for (const message of told(api, from)) assert.ok(!ACTIVE_LINK.test(message.text), `an active link: ${message.text}`);
  });
});
