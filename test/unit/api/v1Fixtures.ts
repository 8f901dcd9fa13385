// Canned V1 wire objects for adapter tests, shaped like openhands-cloud.json.
import { HttpClient } from '../../../src/api/http';
import { V1Adapter } from '../../../src/api/v1Adapter';
import type { FakeFetch, RecordingLogger } from './fakeFetch';

export const SERVER = 'https://app.example';
export const NOW = Date.UTC(2026, 11, 4, 12, 0, 0);

export function v1Adapter(fake: FakeFetch, log?: RecordingLogger, now = (): number => NOW): V1Adapter {
  const http = new HttpClient({ serverUrl: SERVER, getApiKey: async () => 'key', fetch: fake.fetch, log, now });
  return new V1Adapter({ http, log, now });
}

export function appConversation(
  id: string,
  sandbox: string,
  execution: string | null,
  updatedAt = '2026-12-04T11:58:00.000000Z',
): Record<string, unknown> {
  return {
    id,
    created_by_user_id: 'u1',
    sandbox_id: `sb-${id}`,
    selected_repository: 'acme/app',
    selected_branch: 'main',
    git_provider: 'github',
    title: `Conversation ${id}`,
    created_at: '2026-12-04T11:50:00.000000Z',
    updated_at: updatedAt,
    sandbox_status: sandbox,
    execution_status: execution,
    conversation_url: null,
    session_api_key: null,
  };
}

export function startTask(id: string, status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    created_by_user_id: 'u1',
    status,
    detail: null,
    app_conversation_id: null,
    sandbox_id: null,
    agent_server_url: null,
    request: { title: 'Fix it', selected_repository: 'acme/app', selected_branch: 'main' },
    created_at: '2026-12-04T11:59:00.000000Z',
    updated_at: '2026-12-04T11:59:30.000000Z',
    ...extra,
  };
}

export function eventPage(...items: Record<string, unknown>[]): Record<string, unknown> {
  return { items, next_page_id: null };
}

export const finishEvent = {
  id: 'ev2',
  timestamp: '2026-12-04T11:57:59.000000',
  source: 'agent',
  kind: 'ActionEvent',
  tool_name: 'finish',
  action: { kind: 'FinishAction', message: 'Opened PR #12.' },
};

export const questionEvent = {
  id: 'ev3',
  timestamp: '2026-12-04T11:58:00.000000',
  source: 'agent',
  kind: 'MessageEvent',
  llm_message: { role: 'assistant', content: [{ type: 'text', text: 'Which branch?' }] },
};

/** The `ids` query values of every request to `path`. */
export function idsSent(fake: FakeFetch, path: string): string[][] {
  return fake.requests.filter((r) => r.url.pathname === path).map((r) => r.url.searchParams.getAll('ids'));
}
