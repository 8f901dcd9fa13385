// Both adapters against the embedded OpenHands server: the real HTTP path, detection,
// every scenario's end phase, resume, and the requests the server saw.
import * as assert from 'node:assert/strict';
import { OpenHandsConnection } from '../../../src/api/connection';
import type { ApiVersion, OpenHandsApi } from '../../../src/api/openHandsApi';
import type { Conversation, Phase } from '../../../src/conversations/conversation';
import type { RunningServer } from '../../server/openHandsServer';
import { DEMO_API_KEY, startOpenHandsServer } from '../../server/openHandsServer';
import type { ScenarioName } from '../../server/scenarios';
import { firstTurnEndAfterCreate, PLATFORM_PAUSE_AFTER_CREATE, resumedTurnEndAfterResume } from '../../server/scenarios';

const EXPECTED: Record<ApiVersion, Partial<Record<ScenarioName, Phase>>> = {
  v1: { finish: 'finished', question: 'waitingForYou', fail: 'failed', startError: 'failed', confirm: 'waitingForYou' },
  v0: { finish: 'finished', question: 'waitingForYou', fail: 'failed' },
};

async function settle(server: RunningServer, api: OpenHandsApi, id: string, ms: number): Promise<Conversation> {
  server.control.advance(ms);
  // A READY start task resolves to its conversation in the same round; one more poll reads events.
  let current = (await api.getConversations([id])).get(id);
  if (current && current.id !== id) current = (await api.getConversations([current.id])).get(current.id);
  assert.ok(current, 'the server lost the conversation');
  return current;
}

for (const version of ['v1', 'v0'] as const) {
  describe(`${version.toUpperCase()} adapter against the embedded server`, () => {
    let server: RunningServer;
    let api: OpenHandsApi;

    before(async () => {
      server = await startOpenHandsServer({ mode: version });
    });
    after(() => server.close());
    beforeEach(async () => {
      server.control.reset();
      const connection = new OpenHandsConnection({ serverUrl: server.url, apiVersion: 'auto', getApiKey: async () => DEMO_API_KEY });
      api = await connection.api();
    });

    it('is detected as the version the server speaks', () => {
      assert.equal(api.version, version);
    });

    for (const [scenario, phase] of Object.entries(EXPECTED[version])) {
      it(`follows the "${scenario}" scenario to ${phase}`, async () => {
        server.control.setScenario(scenario as ScenarioName);
        const started = await api.startConversation({ message: 'Fix the flaky test', repository: 'octo-org/hello-world', branch: 'main', gitProvider: 'github' });
        assert.equal(started.phase, version === 'v1' ? 'starting' : started.phase);
        const end = await settle(server, api, started.id, firstTurnEndAfterCreate(scenario as ScenarioName) + 1000);
        assert.equal(end.phase, phase, `${scenario}: ${end.statusDetail ?? ''}`);
        assert.equal(server.control.conversations().length, 1, 'exactly one conversation per start');
      });
    }

    it('sends the repository, branch, message and key the way the server expects', async () => {
      await api.startConversation({ message: 'Add tests', repository: 'octo-org/hello-world', branch: 'dev', gitProvider: 'github' });
      const create = server.control.requests().find((r) => r.method === 'POST');
      assert.ok(create);
      assert.equal(create.headers.authorization, `Bearer ${DEMO_API_KEY}`);
      const body = create.body as Record<string, unknown>;
      if (version === 'v1') {
        assert.equal(body.selected_repository, 'octo-org/hello-world');
        assert.equal(body.selected_branch, 'dev');
        assert.deepEqual(body.initial_message, { role: 'user', content: [{ type: 'text', text: 'Add tests' }], run: true });
      } else {
        assert.equal(body.repository, 'octo-org/hello-world');
        assert.equal(body.selected_branch, 'dev');
        assert.equal(body.initial_user_msg, 'Add tests');
      }
    });

    it('sees a conversation deleted elsewhere as gone', async () => {
      const started = await api.startConversation({ message: 'x' });
      const running = await settle(server, api, started.id, 8_000);
      server.control.deleteConversation(running.id);
      assert.equal((await api.getConversations([running.id])).get(running.id), null);
    });

    if (version === 'v1') {
      it('shows a conversation the platform paused as paused, and resumes it to the end', async () => {
        server.control.setScenario('paused');
        const started = await api.startConversation({ message: 'Long task' });
        const paused = await settle(server, api, started.id, PLATFORM_PAUSE_AFTER_CREATE + 500);
        assert.equal(paused.phase, 'paused');
        await api.resumeConversation(paused);
        const resumed = await settle(server, api, paused.id, resumedTurnEndAfterResume('paused') + 1000);
        assert.equal(resumed.phase, 'finished');
      });

      it('fetches 250 active conversations in 3 requests of at most 99 ids', async () => {
        const ids: string[] = [];
        for (let i = 0; i < 250; i++) ids.push((await api.startConversation({ message: `task ${i}` })).id);
        server.control.advance(8_000);
        server.control.clearRequests();
        const result = await api.getConversations(ids);
        assert.equal(result.size, 250);
        const gets = server.control.requests().filter((r) => r.path.endsWith('/start-tasks'));
        assert.equal(gets.length, 3);
      });
    }

    it('pages through the account list', async () => {
      server.control.seedConversations(45);
      const first = await api.listConversations();
      assert.ok(first.items.length > 0 && first.nextPageId, 'a first page with more to come');
      const seen = new Set(first.items.map((c) => c.id));
      let page = first;
      while (page.nextPageId) {
        page = await api.listConversations(page.nextPageId);
        page.items.forEach((c) => seen.add(c.id));
      }
      assert.equal(seen.size, 45);
    });
  });
}
