// Fault matrix, create request: each fault the server or the network can throw at
// "Start Task", in the real VS Code against the embedded server. For each: what the user is
// told, that the typed text is kept, that exactly one create request went out (never retried
// by itself), that nothing was started twice, and that the same action works once the fault
// is over.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Fault } from '../server/faults';
import type { Mode } from './faultHelpers';
import { CREATE_PATH, createDirectly, createRequests, draftOf, requests, serverUrl, startTask, told } from './faultHelpers';
import { apiKey, control, freshStart, waitFor } from './helpers';

interface CreateFault {
  readonly name: string;
  readonly fault: Omit<Fault, 'path' | 'method'>;
  /** The error message, in words. */
  readonly said: RegExp;
  /** Whether the answer was ambiguous, so the extension had to look the task up first. */
  readonly lookedUp: boolean;
  readonly keyRejected?: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const COMMON: readonly CreateFault[] = [
  { name: '401 (key revoked)', fault: { status: 401, body: { error: 'failed to authenticate' } }, said: /rejected the API key/, lookedUp: false, keyRejected: true },
  {
    name: '403 (no access to the organisation)',
    fault: { status: 403, body: { detail: 'API key is not authorized for this organization' } },
    said: /refused access \(the server said: “API key is not authorized for this organization”\)/,
    lookedUp: false,
  },
  { name: '500', fault: { status: 500 }, said: /had a problem \(HTTP 500\)/, lookedUp: true },
  { name: '502', fault: { status: 502, body: { detail: 'Bad Gateway' } }, said: /had a problem \(HTTP 502\)/, lookedUp: true },
  { name: '503', fault: { status: 503 }, said: /had a problem \(HTTP 503\)/, lookedUp: true },
  { name: 'connection reset', fault: { reset: true }, said: /Can't reach/, lookedUp: true },
  { name: 'HTML page with 200', fault: { html: true }, said: new RegExp(`${escape(serverUrl())} does not look like an OpenHands server`), lookedUp: false },
  { name: 'malformed JSON', fault: { malformed: true }, said: /sent an answer the extension does not understand/, lookedUp: true },
  { name: 'empty body', fault: { emptyBody: true }, said: /sent an answer the extension does not understand/, lookedUp: true },
];

const CASES: Record<Mode, readonly CreateFault[]> = {
  v1: [
    ...COMMON,
    { name: '409', fault: { status: 409, body: { detail: { code: 'provider_reconnect_required' } } }, said: /provider_reconnect_required/, lookedUp: false },
    { name: '410', fault: { status: 410, body: { detail: 'Conversation is archived' } }, said: /archived/, lookedUp: false },
    {
      name: '422 with a FastAPI detail list',
      fault: { status: 422, body: { detail: [{ type: 'string_type', loc: ['body', 'selected_branch'], msg: 'Input should be a valid string', input: 1 }] } },
      said: /selected_branch: Input should be a valid string/,
      lookedUp: false,
    },
    { name: 'JSON of the wrong shape', fault: { status: 200, body: { unexpected: true } }, said: /does not understand \(the start task has no id\)/, lookedUp: true },
  ],
  v0: [
    ...COMMON,
    {
      name: '400 with the V0 error body',
      fault: { status: 400, body: { status: 'error', message: 'Missing initial user message', msg_id: 'CONFIGURATION$MISSING_USER_MESSAGE' } },
      said: /Missing initial user message \(CONFIGURATION\$MISSING_USER_MESSAGE\)/,
      lookedUp: false,
    },
  ],
};

/** The request that asks the server whether a create whose answer was lost did anything. */
async function lookups(mode: Mode): Promise<number> {
  if (mode === 'v1') return (await requests('GET', '/api/v1/app-conversations/start-tasks/search')).length;
  return (await requests('GET', '/api/conversations')).filter((r) => r.query['selected_repository'] !== undefined).length;
}

for (const mode of ['v1', 'v0'] as const) {
  describe(`faults on the create request (${mode.toUpperCase()})`, function () {
    this.timeout(30_000);

    for (const c of CASES[mode]) {
      it(`${c.name}: says so, keeps the text, sends one request, starts nothing; works once the fault is over`, async () => {
        const api = await freshStart(mode);
        const from = api.messages().length;
        await control.addFault({ method: 'POST', path: CREATE_PATH[mode], ...c.fault, times: 1 });
        const task = `Fault ${c.name} (${mode})`;
        await startTask(task);

        const said = told(api, from);
        assert.equal(said.length, 1, `one message, got ${JSON.stringify(said)}`);
        assert.equal(said[0]?.severity, 'error');
        assert.match(said[0]?.text ?? '', c.said);
        assert.match(said[0]?.text ?? '', /Your task text is kept\.$/);
        assert.deepEqual(said[0]?.actions, c.keyRejected ? ['Set API Key', 'Show Logs'] : ['Retry', 'Show Logs']);
        assert.equal(await createRequests(mode), 1, 'the create request was repeated');
        assert.equal((await control.conversations()).length, 0, 'something was started');
        assert.equal((await lookups(mode)) > 0, c.lookedUp, c.lookedUp ? 'an unclear answer must be looked up' : 'a clear "no" needs no lookup');
        assert.ok(!api.conversations().some((x) => x.title === task), 'a failed start in the sidebar');
        if (api.workspaceState()) assert.equal(draftOf(api), task, 'the typed text was not kept');
        if (c.keyRejected) {
          assert.equal(api.connectionState(), 'keyRejected');
          await vscode.commands.executeCommand('openhands.setApiKey', apiKey());
          await waitFor(() => api.connectionState(), (s) => s === 'ready', 'the new key to be accepted');
        }

        await startTask(task); // what Retry does, once the fault is over
        await waitFor(() => api.conversations().find((x) => x.title === task), (x) => x !== undefined, 'the conversation in the sidebar');
        assert.equal((await control.conversations()).length, 1, 'exactly one conversation for the task');
        if (api.workspaceState()) assert.equal(draftOf(api), undefined, 'the draft outlived the confirmed start');
      });
    }

    it('an answer lost after the server acted is looked up and adopted, not started twice', async () => {
      const api = await freshStart(mode);
      const from = api.messages().length;
      const task = `Answer lost (${mode})`;
      // The server made the conversation, but the connection broke before its answer arrived:
      // the conversation is there (made by hand here), the extension sees a reset.
      await createDirectly(mode, task);
      await control.addFault({ method: 'POST', path: CREATE_PATH[mode], reset: true, times: 1 });
      await startTask(task);

      const said = told(api, from);
      assert.equal(said.length, 1, JSON.stringify(said));
      assert.match(said[0]?.text ?? '', /answer got lost, but your task was started/);
      const row = api.conversations().find((x) => x.title === task);
      assert.ok(row, 'the adopted conversation is not in the sidebar');
      assert.equal(await createRequests(mode), 2, 'the extension sent one create (plus the one made by hand)');
      assert.equal((await control.conversations()).length, 1, 'exactly one conversation');
      if (api.workspaceState()) assert.equal(draftOf(api), undefined);
    });
  });
}
