// Fault 7 over real sockets, against the embedded server's own fault injection: an answer
// whose headers never come, and one whose body trickles in, both end as `timeout` when the
// time is up — neither hangs nor counts as a network failure.
import * as assert from 'node:assert/strict';
import { HttpClient } from '../../../src/api/http';
import type { RunningServer } from '../../server/openHandsServer';
import { DEMO_API_KEY, startOpenHandsServer } from '../../server/openHandsServer';
import { failure } from './fakeFetch';


describe('timeouts against the embedded server', () => {
  let server: RunningServer;
  let http: HttpClient;
  before(async () => {
    server = await startOpenHandsServer({ mode: 'v1' });
    http = new HttpClient({ serverUrl: server.url, getApiKey: async () => DEMO_API_KEY, timeoutMs: 400 });
  });
  after(() => server.close());
  beforeEach(() => server.control.reset());

  for (const [what, fault] of [
    ['no answer at all', { delayMs: 1500 }],
    ['a body that trickles in', { trickleMs: 1500 }],
  ] as const) {
    it(`${what}: a timeout at the limit, then the next read succeeds`, async () => {
      server.control.addFault({ path: '/api/v1/app-conversations/search', times: 1, ...fault });
      const started = Date.now();
      const err = await failure(http.request({ path: '/api/v1/app-conversations/search' }));
      const took = Date.now() - started;
      assert.equal(err.kind, 'timeout');
      assert.match(err.detail ?? '', /no complete answer within 0\.4 s/);
      assert.ok(took >= 380 && took < 1200, `gave up after ${took} ms`);
      assert.deepEqual(await http.request({ path: '/api/v1/app-conversations/search' }), { items: [], next_page_id: null });
    });
  }
});
