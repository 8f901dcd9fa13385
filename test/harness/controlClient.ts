// The embedded server's /_control routes over HTTP, for tests in the extension host (another
// process than the server). Same operations as ServerControl, but async. The URL comes from
// OPENHANDS_TEST_CONTROL_URL, which the runners put in the environment.
import type { Fault } from '../server/faults';
import type { LoggedRequest } from '../server/requestLog';
import type { ScenarioName } from '../server/scenarios';
import type { ConversationSnapshot } from '../server/serverControl';
import type { ApiMode } from '../server/serverState';

export interface SeedRequest {
  readonly count: number;
  readonly newestAt?: number;
  readonly spacingMs?: number;
  readonly repository?: string;
}

export class ControlClient {
  constructor(readonly baseUrl: string = requiredEnv('OPENHANDS_TEST_CONTROL_URL')) {}

  reset = (): Promise<unknown> => this.call('POST', 'reset');
  setMode = (mode: ApiMode): Promise<unknown> => this.call('POST', 'mode', { mode });
  setScenario = (name: ScenarioName): Promise<unknown> => this.call('POST', 'scenario', { name });
  /** Moves the manual clock on; returns the new server time. */
  advance = async (ms: number): Promise<number> => ((await this.call('POST', 'advance', { ms })) as { now: number }).now;
  now = async (): Promise<number> => ((await this.call('GET', 'now')) as { now: number }).now;
  addFault = (fault: Fault): Promise<unknown> => this.call('POST', 'faults', fault);
  clearFaults = (): Promise<unknown> => this.call('DELETE', 'faults');
  requests = (): Promise<LoggedRequest[]> => this.call('GET', 'requests') as Promise<LoggedRequest[]>;
  clearRequests = (): Promise<unknown> => this.call('DELETE', 'requests');
  conversations = (): Promise<ConversationSnapshot[]> => this.call('GET', 'conversations') as Promise<ConversationSnapshot[]>;
  seed = async (request: SeedRequest): Promise<string[]> => ((await this.call('POST', 'seed', request)) as { ids: string[] }).ids;
  deleteConversation = (id: string): Promise<unknown> => this.call('POST', 'delete', { id });
  pauseConversation = (id: string): Promise<unknown> => this.call('POST', 'pause', { id });
  archiveConversation = (id: string): Promise<unknown> => this.call('POST', 'archive', { id });

  private async call(method: 'GET' | 'POST' | 'DELETE', route: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.baseUrl}/${route}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`control ${method} ${route}: HTTP ${response.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run through the integration/UI runner`);
  return value;
}
