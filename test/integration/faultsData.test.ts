// Fault matrix, what the server sends back: unreadable or unexpected data, very large
// replies, a clock far off ours, conversations the platform pauses. Nothing may crash or
// leave a conversation in a wrong phase, and nothing may be logged once per poll.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PLATFORM_PAUSE_AFTER_CREATE } from '../server/scenarios';
import { POLL_PATH, RequestWatch, logCount, quietStart, rowOf, startRunning, told } from './faultHelpers';
import { control, waitFor } from './helpers';

const refresh = (): Thenable<unknown> => vscode.commands.executeCommand('openhands.refresh');



describe('faults in the data', function () {
  this.timeout(45_000);

  it('malformed JSON, an empty body, the wrong shape: no crash, phase kept, logged once', async () => {
    const api = await quietStart('v1');
    const started = await startRunning(api, 'Unreadable replies');
    const from = api.messages().length;
    const warned = await logCount(/\[session\] .*does not understand/);
    // Two polls in a row, on the poller's own schedule (a Refresh in between would succeed).
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, malformed: true, times: 2 });
    const watch = await new RequestWatch(new RegExp(`^GET ${POLL_PATH.v1.slice(1)}`)).start();
    try {
      await waitFor(() => api.connectionProblem(), (p) => /the JSON answer does not parse/.test(p ?? ''), 'the reason', 15_000);
      await waitFor(() => watch.seen.length, (n) => n >= 2, 'both unreadable polls', 20_000);
    } finally {
      watch.stop();
    }
    assert.equal((await logCount(/\[session\] .*does not understand/)) - warned, 1, 'two unreadable polls, one log line');
    for (const fault of [{ emptyBody: true }, { status: 200, body: { items: [] } }]) {
      await control.addFault({ method: 'GET', path: POLL_PATH.v1, ...fault, times: 1 });
      await refresh();
      await waitFor(() => api.connectionProblem(), (p) => /does not understand/.test(p ?? ''), 'the reason', 10_000);
    }
    assert.equal(rowOf(api, started)?.phase, 'running', 'an unreadable reply changed the phase');
    assert.equal(api.connectionState(), 'ready');
    assert.deepEqual(told(api, from), []);
  });

  it('unknown enum values and nulls: phase "unknown" with the reason, logged once, back when the data is', async () => {
    const api = await quietStart('v1');
    const started = await startRunning(api, 'Strange statuses');
    const weird = [{ id: started.id, sandbox_status: 'HIBERNATING', execution_status: null, title: null, created_at: null, updated_at: null, selected_repository: null }];
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, status: 200, body: weird, times: 2 });
    const row = await waitFor(() => rowOf(api, started), (c) => c?.phase === 'unknown', 'the unknown phase', 15_000);
    assert.match(row?.statusDetail ?? '', /Unknown sandbox status HIBERNATING/);
    assert.equal(row?.title, 'Strange statuses', 'a null title wiped the one we had');
    assert.equal(row?.repository, 'octo-org/hello-world');
    await waitFor(() => rowOf(api, started)?.phase, (p) => p === 'running', 'the real phase again', 20_000);
    assert.equal(await logCount(new RegExp(`${started.id}: Unknown sandbox status HIBERNATING`)), 1, 'logged once');
  });

  it('5,000 conversations: one page at a time, quickly; Load More adds the next page only', async () => {
    const api = await quietStart('v1');
    const seeded = new Set(await control.seed({ count: 5000 }));
    const shown = (): number => api.conversations().filter((c) => seeded.has(c.id)).length;
    const began = Date.now();
    await refresh();
    await waitFor(shown, (n) => n >= 20, 'the first page');
    assert.ok(Date.now() - began < 3_000, `first page after ${Date.now() - began} ms`);
    const lists = (await control.requests()).filter((r) => r.path === '/api/v1/app-conversations/search');
    assert.deepEqual(lists.at(-1)?.query['limit'], ['20']);
    assert.equal(shown(), 20, 'more than one page');
    await vscode.commands.executeCommand('openhands.loadMore');
    assert.equal(shown(), 40);
  });

  it('a 5 MB events reply (oldest first, limit ignored): read within the cap, the newest events decide', async () => {
    const api = await quietStart('v1');
    const started = await startRunning(api, 'Huge history');
    const filler = 'x'.repeat(1000);
    const at = (i: number): string => new Date(Date.UTC(2026, 0, 1, 0, 0, 0) + i * 1000).toISOString().replace('Z', '');
    const items: unknown[] = Array.from({ length: 5000 }, (_, i) => ({ id: `e${i}`, timestamp: at(i), source: 'agent', kind: 'ObservationEvent', observation: { kind: 'TerminalObservation', content: [{ type: 'text', text: filler }] } }));
    items.push({ id: 'finish', timestamp: at(5001), source: 'agent', kind: 'ActionEvent', tool_name: 'finish', action: { kind: 'FinishAction', message: 'All done' } });
    await control.addFault({ method: 'GET', path: '^/api/v1/conversation/[^/]+/events/search$', status: 200, body: { items, next_page_id: null }, times: 1 });
    await control.advance(20_000); // the turn ends: `finished`, which the events must explain
    let worstLag = 0;
    let last = Date.now();
    const ticker = setInterval(() => {
      worstLag = Math.max(worstLag, Date.now() - last - 20);
      last = Date.now();
    }, 20);
    try {
      await refresh();
      await waitFor(() => rowOf(api, started), (c) => c?.phase === 'finished' && c.statusDetail === 'All done', 'the finish read from the newest event');
    } finally {
      clearInterval(ticker);
    }
    assert.ok(worstLag < 500, `the extension host stalled for ${worstLag} ms`);
  });

  it('a server clock an hour ahead: phases move on as usual, times are in the future, one notification', async () => {
    const api = await quietStart('v1');
    const hour = 3600_000;
    await control.advance(hour);
    await control.addFault({ path: '/api/', headers: { Date: new Date(Date.now() + hour).toUTCString() } });
    const from = api.messages().length;
    const started = await startRunning(api, 'Clock skew');
    assert.ok((started.createdAt?.getTime() ?? 0) > Date.now() + hour - 120_000, 'the server times are not an hour ahead');
    await control.advance(20_000);
    await refresh();
    await waitFor(() => rowOf(api, started)?.phase, (p) => p === 'finished', 'the finished phase');
    await waitFor(() => told(api, from).some((m) => /OpenHands finished/.test(m.text)), Boolean, 'the notification');
    const said = told(api, from).filter((m) => !/OpenHands is on it/.test(m.text));
    assert.deepEqual(said.map((m) => m.text), ['OpenHands finished “Clock skew”.']);
    await control.clearFaults();
  });

  it('the platform pauses an older conversation: shown as paused with the reason, not failed; Resume brings it back', async () => {
    const api = await quietStart('v1');
    await control.setScenario('paused');
    const from = api.messages().length;
    const started = await startRunning(api, 'Paused by the platform');
    await control.advance(PLATFORM_PAUSE_AFTER_CREATE - 7_000 + 500);
    await refresh();
    const paused = await waitFor(() => rowOf(api, started), (c) => c?.phase === 'paused', 'the paused phase');
    assert.match(paused?.statusDetail ?? '', /paused/i);
    assert.deepEqual(told(api, from).filter((m) => m.severity !== 'info'), [], 'a pause is not a failure');

    // 409 on resume (e.g. still pausing): nothing breaks, the row stays paused.
    await control.addFault({ method: 'POST', path: '^/api/v1/sandboxes/[^/]+/resume$', status: 409, body: { detail: 'Sandbox is busy' }, times: 1 });
    void vscode.commands.executeCommand('openhands.resumeConversation', paused?.id);
    await waitFor(async () => (await control.requests()).filter((r) => r.path.endsWith('/resume')).length, (n) => n === 1, 'the resume request');
    assert.equal(rowOf(api, started)?.phase, 'paused');
    await vscode.commands.executeCommand('notifications.clearAll');

    await vscode.commands.executeCommand('openhands.resumeConversation', paused?.id);
    await control.advance(20_000);
    await refresh();
    await waitFor(() => rowOf(api, started)?.phase, (p) => p === 'finished', 'the resumed conversation to finish');
  });
});
