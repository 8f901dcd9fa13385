// Fault 14: the answer to a create request never arrives (the window reloads, the connection
// drops mid-request) and the server cannot be asked right away either. The request was
// written to workspace state before it went out; the next load looks it up and either adopts
// the conversation the server made or says it was not made, with the text kept. A real window
// reload cannot run inside the extension host, so these tests leave the record behind the
// way a reload does (request ended, lookup impossible) and let the next load settle it; the
// reload wording itself is unit-tested (test/unit/ui/pendingStarts.test.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OpenHandsExtensionApi } from '../../src/ui/extensionApi';
import type { Mode } from './faultHelpers';
import { CREATE_PATH, createDirectly, createRequests, draftOf, quietStart, startTask, told } from './faultHelpers';
import { control, waitFor } from './helpers';

const LOOKUP: Record<Mode, string> = { v1: '/api/v1/app-conversations/start-tasks/search', v0: '^/api/conversations$' };

function pendingStarts(api: OpenHandsExtensionApi): { message: string; task: string }[] {
  const value = api.workspaceState()?.['openhands.pendingStarts'];
  return Array.isArray(value) ? (value as { message: string; task: string }[]) : [];
}

/** A start whose answer and whose lookup both failed: what a reload mid-request leaves. */
async function leaveUnsettled(api: OpenHandsExtensionApi, mode: Mode, task: string): Promise<void> {
  await control.addFault({ method: 'POST', path: CREATE_PATH[mode], reset: true, times: 1 });
  await control.addFault({ method: 'GET', path: LOOKUP[mode], reset: true, times: 1 });
  const from = api.messages().length;
  await startTask(task);
  const said = told(api, from);
  assert.equal(said.length, 1, JSON.stringify(said));
  assert.match(said[0]?.text ?? '', /Couldn't tell whether your task was started: .* Your task text is kept, and OpenHands checks again when the server answers\./);
  assert.deepEqual(said[0]?.actions, ['Check Again', 'Show Logs'], 'no Retry while a duplicate is possible');
  assert.deepEqual(pendingStarts(api).map((p) => p.task), [task], 'the start is not written down');
  assert.equal(draftOf(api), task);
}

describe('fault 14: the answer to a create request is lost (window reload)', function () {
  this.timeout(30_000);

  before(async function () {
    const api = await quietStart('v1');
    // Needs the extension.ts wiring (PendingStarts in the commands, workspace state in the API).
    if (!api.workspaceState()) this.skip();
  });

  it('the start is written down before the request leaves, and removed once answered', async () => {
    const api = await quietStart('v1');
    await control.addFault({ method: 'POST', path: CREATE_PATH.v1, delayMs: 1500, times: 1 });
    const done = startTask('Written down first');
    await waitFor(() => createRequests('v1'), (n) => n === 1, 'the create request to reach the server');
    assert.deepEqual(pendingStarts(api).map((p) => p.task), ['Written down first'], 'not written before sending');
    await done;
    assert.deepEqual(pendingStarts(api), []);
    assert.equal(draftOf(api), undefined);
  });

  for (const mode of ['v1', 'v0'] as const) {
    it(`${mode.toUpperCase()}: the server made it: the next load adopts it as watched, says so, never twice`, async () => {
      const api = await quietStart(mode);
      const task = `Reloaded and made ${mode}`;
      await leaveUnsettled(api, mode, task);
      await createDirectly(mode, task); // the lost request, as the server handled it
      const from = api.messages().length;
      await vscode.commands.executeCommand('openhands.refresh'); // the next load (after a reload: the first)
      const said = await waitFor(() => told(api, from), (m) => m.length > 0, 'the news');
      assert.match(said[0]?.text ?? '', new RegExp(`Your task “${task}” did reach the server after all; it is in the OpenHands sidebar\\.`));
      assert.ok(api.conversations().some((c) => c.title === task), 'not in the sidebar');
      assert.deepEqual(pendingStarts(api), []);
      assert.equal(draftOf(api), undefined, 'the draft outlived the found start');
      assert.equal((await control.conversations()).length, 1, 'exactly one conversation');
    });
  }

  it('the server never got it: the next load says so and keeps the text to start again', async () => {
    const api = await quietStart('v1');
    const task = 'Reloaded and lost';
    await leaveUnsettled(api, 'v1', task);
    const from = api.messages().length;
    await vscode.commands.executeCommand('openhands.refresh');
    const said = await waitFor(() => told(api, from), (m) => m.length > 0, 'the news');
    assert.match(said[0]?.text ?? '', /Your task “Reloaded and lost” did not reach the server\. Your text is kept\./);
    assert.deepEqual(said[0]?.actions, ['Restore Task']);
    assert.deepEqual(pendingStarts(api), []);
    assert.equal(draftOf(api), task, 'the text is gone');
    assert.equal((await control.conversations()).length, 0);
  });

  it('while the server stays unreachable the start stays pending, and nobody is told twice', async () => {
    const api = await quietStart('v1');
    const task = 'Still unsure';
    await leaveUnsettled(api, 'v1', task);
    const from = api.messages().length;
    await control.addFault({ method: 'GET', path: LOOKUP.v1, status: 503, times: 1 });
    await vscode.commands.executeCommand('openhands.refresh');
    await waitFor(async () => (await control.requests()).filter((r) => r.path === LOOKUP.v1).length, (n) => n >= 2, 'the second lookup');
    assert.deepEqual(pendingStarts(api).map((p) => p.task), [task], 'dropped although the server could not say');
    assert.deepEqual(told(api, from), []);
    await vscode.commands.executeCommand('openhands.refresh');
    await waitFor(() => pendingStarts(api).length, (n) => n === 0, 'settled once the server answers');
  });
});
