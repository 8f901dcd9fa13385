// Fault matrix, 429: the server's wait is obeyed by every request the extension makes (the
// create, the poll, a Refresh the user presses meanwhile), said in words, and over when it
// is over. Retry-After in seconds, as an HTTP date, and the cloud limiter's X-RateLimit-Reset.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CREATE_PATH, POLL_PATH, RequestWatch, quietStart, createRequests, sleep, startRunning, startTask, told } from './faultHelpers';
import { control, waitFor } from './helpers';

const FORMS: readonly { readonly name: string; readonly headers: () => Record<string, string> }[] = [
  { name: 'Retry-After in seconds', headers: () => ({ 'Retry-After': '3' }) },
  { name: 'Retry-After as an HTTP date', headers: () => ({ 'Retry-After': new Date(Date.now() + 4000).toUTCString() }) },
  {
    name: 'X-RateLimit-* only',
    headers: () => ({ 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + 3) }),
  },
];

const API_REQUEST = /^(GET|POST) \/api\//;

function waitSeconds(text: string): number {
  const match = /try again in (\d+) s\b/.exec(text);
  assert.ok(match, `no wait time in “${text}”`);
  return Number(match[1]);
}

describe('fault: 429 rate limited', function () {
  this.timeout(40_000);

  for (const form of FORMS) {
    it(`create, ${form.name}: says how long, sends nothing before, starts once after`, async () => {
      const api = await quietStart('v1');
      const from = api.messages().length;
      await control.addFault({ method: 'POST', path: CREATE_PATH.v1, status: 429, body: { error: 'Rate limit exceeded: 10 per 1 second' }, headers: form.headers(), times: 1 });
      const watch = await new RequestWatch(API_REQUEST).start();
      const task = `Rate limited ${form.name}`;
      try {
        await startTask(task);
        const first = told(api, from)[0];
        assert.equal(first?.severity, 'error');
        assert.match(first?.text ?? '', /Rate limited by the server; try again in \d+ s\. Your task text is kept\./);
        const seconds = waitSeconds(first?.text ?? '');
        assert.ok(seconds >= 2 && seconds <= 4, `waits ${seconds} s`);
        const limitedAt = Date.now();

        await startTask(task); // the user tries again at once
        assert.match(told(api, from)[1]?.text ?? '', /Rate limited by the server; try again in \d+ s/);
        assert.equal(await createRequests('v1'), 1, 'a create went out during the wait');

        await sleep(limitedAt + seconds * 1000 - Date.now() + 200);
        await startTask(task);
        await waitFor(() => api.conversations().some((c) => c.title === task), Boolean, 'the task to start after the wait');
        assert.equal((await control.conversations()).length, 1, 'exactly one conversation');
        const quiet = watch.seen.filter((s) => s.at > limitedAt + 150 && s.at < limitedAt + (seconds - 1) * 1000);
        assert.deepEqual(quiet.map((s) => `${s.request.method} ${s.request.path}`), [], 'requests during the wait');
      } finally {
        watch.stop();
      }
    });
  }

  it('poll: no request before Retry-After, not even for Refresh; says so; polls again after', async () => {
    const api = await quietStart('v1');
    await startRunning(api, 'Rate limited poll');
    const from = api.messages().length;
    const watch = await new RequestWatch(API_REQUEST).start();
    await control.addFault({ method: 'GET', path: POLL_PATH.v1, status: 429, headers: { 'Retry-After': '4' }, times: 1 });
    await vscode.commands.executeCommand('openhands.refresh'); // poll now, not in up to 14 s
    try {
      const problem = await waitFor(() => api.connectionProblem(), (p) => p !== undefined, 'the reason in the view', 15_000);
      const observedAt = Date.now();
      assert.match(problem ?? '', /Rate limited by the server; try again in 4 s\./);
      assert.equal(api.connectionState(), 'ready', 'a rate limit is not an outage');
      await sleep(300); // let the watch catch up with the poll that got the 429
      const isPoll = (x: (typeof watch.seen)[number]): boolean => new RegExp(POLL_PATH.v1).test(x.request.path);
      const limited = watch.seen.filter((x) => isPoll(x) && x.at <= observedAt + 200).at(-1);
      assert.ok(limited, 'the poll that got the 429 was not seen');

      await vscode.commands.executeCommand('openhands.refresh'); // the user presses Refresh meanwhile
      // Requests sent before the 429 came back may still arrive; none may be sent after it.
      const next = await waitFor(() => watch.seen.find((x) => x.at > observedAt + 150), (x) => x !== undefined, 'a request after the wait', 20_000);
      assert.ok((next?.at ?? 0) - (limited?.at ?? 0) >= 3_600, `a request ${(next?.at ?? 0) - (limited?.at ?? 0)} ms after the 429`);
      await waitFor(() => api.connectionProblem(), (p) => p === undefined, 'the wait to be over in the view', 20_000);
      assert.deepEqual(told(api, from), [], 'a background rate limit is no reason for a notification');
    } finally {
      watch.stop();
      // If this failed halfway, the next test must not start inside the server's wait.
      if (/Rate limited/.test(api.connectionProblem() ?? '')) await sleep(4_000);
    }
  });
});
