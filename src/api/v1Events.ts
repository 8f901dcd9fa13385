// The latest events of conversations whose status alone is ambiguous (`finished` may mean
// "done" or "asked you something"; `error` carries its reason in an event). Cached per id and
// refetched only when `updated_at` moves, so a settled conversation costs no extra requests.
import { mapLimit } from './batching';
import { isApiError } from './errors';
import type { HttpClient } from './http';
import type { Logger } from './logger';
import type { JsonRecord } from './wire';
import { expectPage, isRecord, str } from './wire';

const EVENTS_LIMIT = 20;
const CONCURRENCY = 4;
const STATUSES_NEEDING_EVENTS = new Set(['finished', 'error', 'stuck']);

interface CacheEntry {
  readonly updatedAt: string | undefined;
  readonly events: readonly unknown[];
}

export type EventsResult = { readonly events?: readonly unknown[]; readonly failed: boolean };

export class V1EventCache {
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly http: HttpClient, private readonly log: Logger) {}

  /** Whether this conversation's phase depends on its events. */
  static needsEvents(raw: JsonRecord): boolean {
    const sandbox = str(raw, 'sandbox_status')?.toUpperCase();
    const execution = str(raw, 'execution_status')?.toLowerCase();
    return sandbox === 'RUNNING' && execution !== undefined && STATUSES_NEEDING_EVENTS.has(execution);
  }

  /** Cached events, only if still current for this version of the conversation. */
  cached(id: string, raw: JsonRecord): readonly unknown[] | undefined {
    const entry = this.cache.get(id);
    return entry && entry.updatedAt === str(raw, 'updated_at') ? entry.events : undefined;
  }

  /**
   * Events for each conversation that needs them, fetched at most CONCURRENCY at a time.
   * Conversations that no longer need events are dropped from the cache: a later
   * `finished` is then read afresh even if the server did not bump `updated_at`.
   */
  async refresh(convs: ReadonlyMap<string, JsonRecord>, signal?: AbortSignal): Promise<Map<string, EventsResult>> {
    const wanted = [...convs].filter(([id, raw]) => {
      if (V1EventCache.needsEvents(raw)) return true;
      this.cache.delete(id);
      return false;
    });
    const results = await mapLimit(wanted, CONCURRENCY, ([id, raw]) => this.eventsFor(id, raw, signal));
    return new Map(wanted.map(([id], i) => [id, results[i] as EventsResult]));
  }

  forget(id: string): void {
    this.cache.delete(id);
  }

  private async eventsFor(id: string, raw: JsonRecord, signal?: AbortSignal): Promise<EventsResult> {
    const hit = this.cached(id, raw);
    if (hit) return { events: hit, failed: false };
    try {
      const events = await this.fetchLatest(str(raw, 'id') ?? id, signal);
      this.cache.set(id, { updatedAt: str(raw, 'updated_at'), events });
      return { events, failed: false };
    } catch (err) {
      // These concern the whole poll, not this one conversation: let the caller see them.
      if (isApiError(err, 'cancelled') || isApiError(err, 'unauthorized') || isApiError(err, 'rateLimited')) throw err;
      this.log.warn(`[api] could not read the latest events of ${id}: ${String(err)}`);
      return { failed: true };
    }
  }

  private async fetchLatest(id: string, signal?: AbortSignal): Promise<readonly unknown[]> {
    const path = `/api/v1/conversation/${encodeURIComponent(id)}/events/search`;
    const body = await this.http.request({ path, query: { sort_order: 'TIMESTAMP_DESC', limit: EVENTS_LIMIT }, signal });
    const items = expectPage(body, path, 'items').items;
    // A server may ignore `limit` (and `sort_order`): keep only the newest few the phase
    // rules read, not a 5 MB page of history.
    return items.length <= EVENTS_LIMIT ? items : newestByTimestamp(items).slice(0, EVENTS_LIMIT);
  }
}

/** Timestamps of one server share a format, so string order is time order. */
function newestByTimestamp(items: readonly unknown[]): unknown[] {
  const stamp = (e: unknown): string => (isRecord(e) && typeof e['timestamp'] === 'string' ? e['timestamp'] : '');
  return items.map((e, i) => ({ e, i, t: stamp(e) })).sort((a, b) => b.t.localeCompare(a.t) || a.i - b.i).map((x) => x.e);
}
