// Each scenario's lifecycle on the manual clock, at the exact times of TIMINGS.
import * as assert from 'node:assert/strict';
import { PLATFORM_PAUSE_AFTER_CREATE, TIMINGS, firstTurnEndAfterCreate } from '../../server/scenarios';
import type { TestApi } from './serverClient';
import { startTestServer } from './serverClient';

describe('embedded server: conversation lifecycle', () => {
  let api: TestApi;
  before(async () => (api = await startTestServer()));
  after(() => api.server.close());
  beforeEach(() => api.control.reset());

  const state = async (id: string): Promise<string> => {
    const c = await api.conversation(id);
    return c === null ? 'null' : `${c.sandbox_status}/${c.execution_status}`;
  };

  it('walks the start task through every status to READY at the table times', async () => {
    const task = await api.start('Fix the add function');
    assert.equal(task.status, 'WORKING');
    assert.equal(task.app_conversation_id, null);
    let previous = 0;
    for (const [status, at] of Object.entries(TIMINGS.task)) {
      api.control.advance(at - previous);
      previous = at;
      const now = await api.task(task.id);
      assert.equal(now.status, status, `at ${at} ms`);
      assert.equal(now.app_conversation_id === null, status !== 'READY');
    }
    api.control.advance(60000);
    assert.equal((await api.task(task.id)).status, 'READY', 'a READY task stays READY');
  });

  it('finish: STARTING → idle → running (title appears) → finished with a FinishAction', async () => {
    const task = await api.start('fix the add function in math.ts');
    api.control.advance(TIMINGS.task.READY);
    const id = (await api.task(task.id)).app_conversation_id as string;
    const starting = await api.conversation(id);
    assert.equal(`${starting?.sandbox_status}/${starting?.execution_status}`, 'STARTING/null');
    assert.equal(starting?.title, null);
    api.control.advance(TIMINGS.sandboxRunningAfterReady);
    assert.equal(await state(id), 'RUNNING/idle');
    api.control.advance(TIMINGS.agentRunningAfterReady - TIMINGS.sandboxRunningAfterReady);
    assert.equal(await state(id), 'RUNNING/running');
    const before = (await api.conversation(id))?.updated_at;
    api.control.advance(TIMINGS.titleAfterRunning);
    assert.equal((await api.conversation(id))?.title, 'Fix the add function in math.ts');
    const end = firstTurnEndAfterCreate('finish');
    assert.equal(end, 20000);
    api.control.advance(end - 1 - (TIMINGS.task.READY + TIMINGS.agentRunningAfterReady + TIMINGS.titleAfterRunning));
    assert.equal(await state(id), 'RUNNING/running');
    api.control.advance(1);
    const done = await api.conversation(id);
    assert.equal(done?.execution_status, 'finished');
    assert.notEqual(done?.updated_at, before);
    const last = await api.events(id, '?sort_order=TIMESTAMP_DESC&limit=5');
    const finish = last.find((e) => e.kind === 'ActionEvent' && e.action?.kind === 'FinishAction');
    assert.equal(finish?.tool_name, 'finish');
    assert.ok((finish?.action.message as string).length > 0);
  });

  it('records the events in order: user message first, tool pairs, then the ending', async () => {
    const id = await api.startReady('Fix it');
    api.control.advance(16000);
    const events = await api.events(id);
    assert.equal(events[0].kind, 'MessageEvent');
    assert.equal(events[0].source, 'user');
    assert.equal(events[0].llm_message.content[0].text, 'Fix it');
    const tools = events.filter((e) => e.kind === 'ActionEvent' && e.tool_name !== 'finish');
    assert.equal(tools.length, 4);
    for (const action of tools) assert.ok(events.some((e) => e.kind === 'ObservationEvent' && e.action_id === action.id));
    const times = events.map((e) => Date.parse(`${e.timestamp}Z`));
    assert.deepEqual(times, [...times].sort((x, y) => x - y));
    assert.ok(events.every((e) => typeof e.id === 'string' && /^\d{4}-\d\d-\d\dT[\d:.]+$/.test(e.timestamp)));
  });

  it('question: finished, with a trailing agent MessageEvent and no FinishAction', async () => {
    const id = await api.startReady('[scenario:question] Tidy the code');
    api.control.advance(firstTurnEndAfterCreate('question') - TIMINGS.task.READY);
    assert.equal(await state(id), 'RUNNING/finished');
    const [last] = await api.events(id, '?sort_order=TIMESTAMP_DESC&limit=1');
    assert.equal(last.kind, 'MessageEvent');
    assert.equal(last.source, 'agent');
    assert.match(last.llm_message.content[0].text, /\?$/);
    assert.equal((await api.events(id)).some((e) => e.action?.kind === 'FinishAction'), false);
  });

  it('fail: execution error and a ConversationErrorEvent', async () => {
    const id = await api.startReady('[scenario:fail] Fix it');
    api.control.advance(firstTurnEndAfterCreate('fail') - TIMINGS.task.READY);
    assert.equal(await state(id), 'RUNNING/error');
    const errors = await api.events(id, '?kind__eq=ConversationErrorEvent');
    assert.equal(errors.length, 1);
    assert.ok(errors[0].code && errors[0].detail);
  });

  it('startError: the task turns ERROR with a human detail and no conversation', async () => {
    api.control.setScenario('startError');
    const task = await api.start('Fix it', { selected_repository: 'owner/private-repo' });
    api.control.advance(TIMINGS.taskErrorAt - 1);
    assert.notEqual((await api.task(task.id)).status, 'ERROR');
    api.control.advance(1);
    const failed = await api.task(task.id);
    assert.equal(failed.status, 'ERROR');
    assert.match(failed.detail, /owner\/private-repo not found or you do not have access/);
    api.control.advance(60000);
    assert.equal((await api.task(task.id)).app_conversation_id, null);
    assert.equal((await api.get('/api/v1/app-conversations/count')).json, 0);
  });

  it('paused: the platform pauses the sandbox mid-run; execution_status becomes null', async () => {
    const task = await api.start('[scenario:paused] Fix it');
    api.control.advance(PLATFORM_PAUSE_AFTER_CREATE - 1);
    const id = (await api.task(task.id)).app_conversation_id as string;
    assert.equal(await state(id), 'RUNNING/running');
    api.control.advance(1);
    const paused = await api.conversation(id);
    assert.equal(`${paused?.sandbox_status}/${paused?.execution_status}`, 'PAUSED/null');
    assert.equal(paused?.session_api_key, null);
    api.control.advance(10 * 60 * 1000);
    assert.equal(await state(id), 'PAUSED/null');
  });

  it('confirm: waits for confirmation of a risky action', async () => {
    const id = await api.startReady('[scenario:confirm] Push it');
    api.control.advance(firstTurnEndAfterCreate('confirm') - TIMINGS.task.READY);
    assert.equal(await state(id), 'RUNNING/waiting_for_confirmation');
    const [last] = await api.events(id, '?sort_order=TIMESTAMP_DESC&limit=1');
    assert.equal(last.security_risk, 'HIGH');
  });

  it('slow: still running after five minutes, finished after its long turn', async () => {
    const id = await api.startReady('[scenario:slow] Refactor everything');
    api.control.advance(5 * 60 * 1000);
    assert.equal(await state(id), 'RUNNING/running');
    api.control.advance(firstTurnEndAfterCreate('slow') - TIMINGS.task.READY - 5 * 60 * 1000);
    assert.equal(await state(id), 'RUNNING/finished');
  });

  it('uses the default scenario set through control unless the message names one', async () => {
    api.control.setScenario('fail');
    await api.start('Fix it');
    await api.start('[scenario:question] Fix it');
    const scenarios = api.control.conversations().map((c) => c.scenario).sort();
    assert.deepEqual(scenarios, ['fail', 'question']);
  });

  it('keeps a title given in the start request from the start', async () => {
    const id = await api.startReady('Fix it', { title: 'My title' });
    assert.equal((await api.conversation(id))?.title, 'My title');
  });
});
