// Old conversations created in bulk for paging tests (up to thousands at once): already
// settled, spread back in time, with a fixed mix of end states.
import { finishEvents, conversationError, messageEvent } from './eventFactory';
import { newHexId, newSandboxId } from './ids';
import type { ExecutionStatus, SandboxStatus, SimConversation, TimelineEntry } from './simConversation';

export interface SeedOptions {
  /** created_at of the newest seeded conversation; default: one hour before server now. */
  readonly newestAt?: number;
  /** Gap between consecutive created_at values; default ten minutes. */
  readonly spacingMs?: number;
  /** `owner/repo` for all of them; default cycles through a few repositories. */
  readonly repository?: string;
}

const REPOS = ['acme/webshop', 'acme/api', 'octo/tools'];

/**
 * The mix, by index modulo 10: 0–5 archived after finishing (sandbox MISSING), 6–7 paused
 * after finishing, 8 running and finished, 9 running with an error.
 */
function endState(i: number): { sandbox: SandboxStatus; execution: ExecutionStatus | null; failed: boolean } {
  const k = i % 10;
  if (k <= 5) return { sandbox: 'MISSING', execution: null, failed: false };
  if (k <= 7) return { sandbox: 'PAUSED', execution: null, failed: false };
  if (k === 8) return { sandbox: 'RUNNING', execution: 'finished', failed: false };
  return { sandbox: 'RUNNING', execution: 'error', failed: true };
}

export function seedConversations(count: number, now: number, options: SeedOptions = {}): SimConversation[] {
  const newest = options.newestAt ?? now - 60 * 60 * 1000;
  const spacing = options.spacingMs ?? 10 * 60 * 1000;
  const records: SimConversation[] = [];
  for (let i = 0; i < count; i++) {
    const createdAt = newest - i * spacing;
    const readyAt = createdAt + 4000;
    const endedAt = createdAt + 20000;
    const state = endState(i);
    const text = `Seeded task #${i + 1}: tidy up module ${i % 37}`;
    const timeline: TimelineEntry[] = [{ type: 'event', at: readyAt + 1000, event: messageEvent(readyAt + 1000, 'user', text) }];
    const last = state.failed
      ? [conversationError(endedAt, 'LLMAuthenticationError', 'litellm.AuthenticationError: token_not_found_in_db')]
      : finishEvents(endedAt, `Done with seeded task #${i + 1}.`);
    timeline.push(...last.map((event) => ({ type: 'event' as const, at: endedAt, event })));
    const repository = options.repository ?? REPOS[i % REPOS.length];
    records.push({
      taskId: newHexId(),
      id: newHexId(),
      sandboxId: newSandboxId(),
      scenario: state.failed ? 'fail' : 'finish',
      origin: 'seed',
      createdAt,
      initialText: text,
      request: { selected_repository: repository },
      repository,
      branch: 'main',
      gitProvider: 'github',
      trigger: null,
      title: `Seeded task #${i + 1}`,
      isPublic: null,
      taskStatus: 'READY',
      taskDetail: null,
      taskUpdatedAt: readyAt,
      readyAt,
      sandboxStatus: state.sandbox,
      executionStatus: state.execution,
      executionBeforePause: state.sandbox === 'PAUSED' ? 'finished' : null,
      sessionApiKey: null,
      updatedAt: endedAt,
      autoPaused: false,
      turns: 1,
      toolCalls: 0,
      timeline,
      pending: [],
    });
  }
  return records;
}
