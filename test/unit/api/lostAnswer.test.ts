// The create request whose answer never arrives, against the embedded server over real
// sockets: the client gives up (timeout, reset), yet the server may have acted. findStarted
// must tell the two apart, in V1 (by the start task's echoed request) and in V0 (by time,
// repository and first message).
import * as assert from 'node:assert/strict';
import { mayHaveCreated } from '../../../src/api/createOutcome';
import { OpenHandsConnection } from '../../../src/api/connection';
import type { OpenHandsApi, StartConversationRequest } from '../../../src/api/openHandsApi';
import type { RunningServer } from '../../server/openHandsServer';
import { DEMO_API_KEY, startOpenHandsServer } from '../../server/openHandsServer';
import { failure } from './fakeFetch';

const REQUEST: StartConversationRequest = { message: 'Fix the flaky date test\n\nin utils', repository: 'octo-org/hello-world', branch: 'main', gitProvider: 'github' };


for (const version of ['v1', 'v0'] as const) {
  describe(`${version.toUpperCase()}: a create whose answer is lost`, function () {
    this.timeout(10_000);
    let server: RunningServer;
    const connect = (timeoutMs?: number): Promise<OpenHandsApi> =>
      new OpenHandsConnection({ serverUrl: server.url, apiVersion: version, getApiKey: async () => DEMO_API_KEY, timeoutMs }).api();

    before(async () => (server = await startOpenHandsServer({ mode: version })));
    after(() => server.close());
    beforeEach(() => server.control.reset());

    it('a reset before the server read it: nothing was made, and the lookup says so', async () => {
      const api = await connect();
      server.control.addFault({ method: 'POST', path: '/api/', reset: true, times: 1 });
      const sentAt = new Date();
      const err = await failure(api.startConversation(REQUEST));
      assert.equal(err.kind, 'network');
      assert.equal(mayHaveCreated(err), true, 'a reset is ambiguous');
      assert.deepEqual(await api.findStarted({ ...REQUEST, sentAt }), []);
      assert.equal(server.control.conversations().length, 0);
    });

    it('the server acted after the client gave up: the lookup finds exactly that conversation', async () => {
      const api = await connect();
      const sentAt = new Date();
      await api.startConversation({ ...REQUEST, message: 'Another task' }); // same time, same repository, not ours
      const others = new Set(server.control.conversations().map((c) => c.id));
      // The server answers after 600 ms; the client gives up after 300 ms (in the extension: 60 s).
      server.control.addFault({ method: 'POST', path: '/api/', delayMs: 600, times: 1 });
      const err = await failure(api.startConversation(REQUEST, AbortSignal.timeout(300)));
      assert.ok(mayHaveCreated(err), `${err.kind} should be ambiguous`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const made = server.control.conversations().find((c) => !others.has(c.id));
      assert.ok(made, 'the server did not act');
      if (version === 'v0') server.control.advance(10_000); // V0 tells by the first message, readable once the runtime runs
      const found = await api.findStarted({ ...REQUEST, sentAt });
      assert.deepEqual(found.map((c) => (version === 'v1' ? c.startTaskId?.replace(/-/g, '') : c.id)), [version === 'v1' ? made.startTaskId : made.id]);
      assert.equal(found[0]?.repository, REQUEST.repository);
    });

    it('a conversation with another message or repository is not taken for ours', async () => {
      const api = await connect();
      const sentAt = new Date();
      await api.startConversation({ ...REQUEST, repository: 'octo-org/other' });
      if (version === 'v1') await api.startConversation({ ...REQUEST, message: 'Fix the flaky date test' });
      else server.control.advance(10_000); // the runtime starts: the first message can be read
      assert.deepEqual(await api.findStarted({ ...REQUEST, sentAt }), []);
    });

    it('reads one bounded page, whatever the account holds', async () => {
      server.control.seedConversations(300, { repository: REQUEST.repository, newestAt: server.control.now() - 1000, spacingMs: 100 });
      const api = await connect();
      const before = server.control.requests().length;
      await api.findStarted({ ...REQUEST, sentAt: new Date() });
      const lookups = server.control.requests().slice(before);
      assert.ok(lookups.length <= 6, `${lookups.length} requests`);
      for (const r of lookups) if (r.query['limit']) assert.ok(Number(r.query['limit'][0]) <= 50, r.rawQuery);
    });
  });
}

describe('V0: a lost create is confirmed by its first message once the runtime runs', function () {
  let server: RunningServer;
  before(async () => (server = await startOpenHandsServer({ mode: 'v0' })));
  after(() => server.close());

  it('finds ours and leaves out a same-time conversation with another first message', async () => {
    const api = await new OpenHandsConnection({ serverUrl: server.url, apiVersion: 'v0', getApiKey: async () => DEMO_API_KEY }).api();
    const sentAt = new Date();
    await api.startConversation({ ...REQUEST, message: 'Something else' });
    const ours = await api.startConversation(REQUEST);
    server.control.advance(10_000);
    const found = await api.findStarted({ ...REQUEST, sentAt });
    assert.deepEqual(found.map((c) => c.id), [ours.id]);
  });
});
