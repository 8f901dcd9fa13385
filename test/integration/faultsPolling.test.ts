// Fault matrix, polling: faults on the requests that follow a running conversation. What the
// view says (state and reason), that the poller backs off instead of hammering, that it
// recovers by itself once the fault is over (unless the user must act, e.g. a revoked key),
// and that an outage is no reason for a stream of notifications.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Mode } from './faultHelpers';
import { POLL_PATH, RequestWatch, quietStart, rowOf, serverUrl, sleep, startRunning, told } from './faultHelpers';
import { control, waitFor } from './helpers';

const isPoll = (mode: Mode) => (s: { request: { method: string; path: string } }): boolean =>
  s.request.method === 'GET' && new RegExp(POLL_PATH[mode]).test(s.request.path);

describe('faults on polling', function () {
  this.timeout(45_000);

  it('401 (key revoked while in use): rejected once, polling stops, resumes after the user acts', async () => {
    const api = await quietStart('v1');
    const started = await startRunning(api, 'Poll key revoked');
    const from = api.messages().length;
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, status: 401, body: { error: 'failed to authenticate' } });
    await waitFor(() => api.connectionState(), (s) => s === 'keyRejected', 'the key-rejected state', 15_000);
    const watch = await new RequestWatch(/^GET \/api\//).start();
    // Longer than the poller's first error back-off (8 s + 25 % jitter): stopped, not backing off.
    await sleep(11_000);
    watch.stop();
    assert.deepEqual(watch.seen.map((s) => s.request.path), [], 'kept polling with a rejected key');
    const warnings = told(api, from).filter((m) => /rejected your API key/.test(m.text));
    assert.equal(warnings.length, 1, 'one warning, not one per poll');
    assert.deepEqual(warnings[0]?.actions, ['Set API Key', 'Show Logs']);
    assert.equal(told(api, from).length, 1);

    await control.clearFaults();
    await vscode.commands.executeCommand('openhands.refresh'); // or Set API Key: the user's move
    await waitFor(() => api.connectionState(), (s) => s === 'ready', 'ready again');
    await control.advance(20_000);
    await vscode.commands.executeCommand('openhands.refresh');
    await waitFor(() => rowOf(api, started)?.phase, (p) => p === 'finished', 'the conversation to finish');
  });

  it('403 (no access to the organisation): said once, then recovers by itself', async () => {
    const api = await quietStart('v1');
    await startRunning(api, 'Poll forbidden');
    const from = api.messages().length;
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, status: 403, body: { detail: 'API key is not authorized for this organization' }, times: 1 });
    await waitFor(() => api.connectionState(), (s) => s === 'keyRejected', 'the refused state', 15_000);
    assert.match(api.connectionProblem() ?? '', /refused access \(the server said: “API key is not authorized for this organization”\)/);
    await waitFor(() => api.connectionState(), (s) => s === 'ready', 'ready again without the user', 20_000);
    const said = told(api, from);
    assert.equal(said.length, 1, JSON.stringify(said));
    assert.match(said[0]?.text ?? '', /refused access/);
  });

  for (const mode of ['v1', 'v0'] as const) {
    it(`404 / deleted elsewhere (${mode.toUpperCase()}): shown as gone, polling of it stops`, async () => {
      const api = await quietStart(mode);
      const started = await startRunning(api, `Deleted elsewhere ${mode}`);
      const row = rowOf(api, started);
      assert.ok(row);
      if (mode === 'v0') await control.addFault({ method: 'GET', path: `/api/conversations/${row.id}`, status: 404, body: { detail: 'Not Found' } });
      else await control.deleteConversation(row.id);
      const gone = await waitFor(() => rowOf(api, started), (c) => c?.phase === 'archived', 'the conversation to show as gone', 15_000);
      assert.match(gone?.statusDetail ?? '', /No longer on the server/);
      const watch = await new RequestWatch(new RegExp(row.id)).start();
      await sleep(6_000);
      watch.stop();
      assert.deepEqual(watch.seen.map((s) => s.request.path), [], 'still polling a deleted conversation');
      assert.equal(api.connectionState(), 'ready');
    });
  }

  it('422 on a poll: the reason names the field; the poll recovers by itself', async () => {
    const api = await quietStart('v1');
    await startRunning(api, 'Poll unprocessable');
    const detail = [{ type: 'uuid_parsing', loc: ['query', 'ids', 0], msg: 'Input should be a valid UUID', input: 'x' }];
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, status: 422, body: { detail }, times: 1 });
    const problem = await waitFor(() => api.connectionProblem(), (p) => p !== undefined, 'the reason', 15_000);
    assert.match(problem ?? '', /ids\.0: Input should be a valid UUID/);
    assert.equal(api.connectionState(), 'ready', 'a rejected request is not an outage');
    await waitFor(() => api.connectionProblem(), (p) => p === undefined, 'the next poll to succeed', 20_000);
  });

  it('503 on a poll: backs off (no retry before the back-off), says so, recovers by itself', async () => {
    const api = await quietStart('v1');
    await startRunning(api, 'Poll unavailable');
    const from = api.messages().length;
    const watch = await new RequestWatch(/^GET \/api\/v1\/app-conversations$/).start();
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, status: 503, times: 1 });
    try {
      await waitFor(() => api.connectionState(), (s) => s === 'unreachable', 'the unreachable state', 15_000);
      const observedAt = Date.now();
      await sleep(300); // let the watch catch up with the poll that got the 503
      const failed = watch.seen.filter((s) => isPoll('v1')(s) && s.at <= observedAt + 200).at(-1);
      assert.match(api.connectionProblem() ?? '', /had a problem \(HTTP 503\).*Retrying automatically\./);
      await waitFor(() => api.connectionState(), (s) => s === 'ready', 'ready again without the user', 20_000);
      const next = await waitFor(() => watch.seen.filter(isPoll('v1')).find((s) => s.at > (failed?.at ?? 0)), (s) => s !== undefined, 'the watch to see the poll');
      const gap = (next?.at ?? 0) - (failed?.at ?? 0);
      assert.ok(gap >= 7_500, `retried after ${gap} ms; the back-off is 8–10 s`);
      assert.deepEqual(told(api, from), [], 'no notification for an outage');
    } finally {
      watch.stop();
    }
  });

  it('connection reset on polls: offline in the view, no notifications, back by itself', async () => {
    const api = await quietStart('v1');
    await startRunning(api, 'Poll reset');
    const from = api.messages().length;
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, reset: true, times: 1 });
    await waitFor(() => api.connectionState(), (s) => s === 'unreachable', 'the offline state', 15_000);
    assert.match(api.connectionProblem() ?? '', new RegExp(`Can't reach ${serverUrl().replace(/[.]/g, '\\.')}.*Retrying automatically`));
    await waitFor(() => api.connectionState(), (s) => s === 'ready', 'back by itself', 20_000);
    assert.deepEqual(told(api, from), [], 'no notification storm');
  });

  it('HTML page with 200 on the list and polls: "not an OpenHands server" with the URL; recovers', async () => {
    const api = await quietStart('v1');
    await startRunning(api, 'Poll html');
    await control.addFault({ method: 'GET', path: '/api/', html: true, times: 3 });
    await vscode.commands.executeCommand('openhands.refresh');
    await waitFor(() => api.connectionState(), (s) => s === 'unreachable', 'the unreachable state', 15_000);
    assert.match(api.connectionProblem() ?? '', new RegExp(`${serverUrl().replace(/[.]/g, '\\.')} does not look like an OpenHands server`));
    await waitFor(() => api.connectionState(), (s) => s === 'ready', 'back by itself', 30_000);
  });
});
