// Section 3: requests made in the background. The real Poller, ConversationStore and V1
// client run against the embedded server for a simulated hour, the poller's clock and the
// server's manual clock advanced in step. Active conversations use the server's "slow"
// scenario (a ~10-minute task); the rest are settled conversations in the sidebar.
import { OpenHandsConnection } from '../src/api/connection';
import type { OpenHandsApi } from '../src/api/openHandsApi';
import { MAX_IDS_PER_REQUEST } from '../src/api/v1Adapter';
import type { Conversation } from '../src/conversations/conversation';
import { ConversationStore } from '../src/conversations/conversationStore';
import { Poller } from '../src/conversations/poller';
import type { PollResult } from '../src/conversations/poller';
import type { LoggedRequest } from '../test/server/requestLog';
import type { RunningServer } from '../test/server/openHandsServer';
import { DEMO_API_KEY, startOpenHandsServer } from '../test/server/openHandsServer';
import type { Section } from './report';
import { SteppedClock } from './steppedClock';

const HOUR_MS = 60 * 60 * 1000;
/** The naive design: one GET per tracked conversation every 5 s, whatever its state. */
const NAIVE_PER_CONVERSATION = HOUR_MS / 5000;

export interface Case {
  readonly tracked: number;
  readonly active: number;
}

export const SMOKE_CASES: readonly Case[] = [
  { tracked: 0, active: 0 }, { tracked: 10, active: 1 }, { tracked: 1000, active: 100 }, { tracked: 1000, active: 1000 },
];

export const FULL_CASES: readonly Case[] = [
  { tracked: 0, active: 0 }, { tracked: 1, active: 0 }, { tracked: 1, active: 1 }, { tracked: 10, active: 1 },
  { tracked: 10, active: 10 }, { tracked: 100, active: 10 }, { tracked: 100, active: 100 },
  { tracked: 1000, active: 0 }, { tracked: 1000, active: 100 }, { tracked: 1000, active: 1000 },
];

interface PollRecord {
  readonly active: number;
  readonly status: number;
  readonly events: number;
  readonly other: number;
  readonly changedRows: number;
}

export interface HourResult {
  readonly polls: readonly PollRecord[];
  /** Polls whose status reads exceed ⌈active / 99⌉, or that read events of unchanged rows. */
  readonly offTarget: number;
  /** Requests made outside any poll (none expected: the poller is the only caller here). */
  readonly stray: number;
  /** Simulated minutes from the start to the last poll (after it, nothing was active). */
  readonly pollingMinutes: number;
}

export const expectedStatusReads = (active: number): number => Math.ceil(active / MAX_IDS_PER_REQUEST);

function classify(requests: readonly LoggedRequest[]): { status: number; events: number; other: number } {
  const events = requests.filter((r) => r.path.endsWith('/events/search')).length;
  const status = requests.filter((r) => r.method === 'GET' && /^\/api\/v1\/app-conversations(\/start-tasks)?$/.test(r.path)).length;
  return { status, events, other: requests.length - status - events };
}

function settled(count: number, now: number): Conversation[] {
  return Array.from({ length: count }, (_, i) => ({ id: `settled${i}`, phase: 'finished', title: `Old task ${i}`, createdAt: new Date(now - (i + 1) * 60_000) }));
}

/** Starts `count` conversations the way Start Task does and lets them reach "running". */
async function startActive(server: RunningServer, api: OpenHandsApi, store: ConversationStore, count: number): Promise<void> {
  const started = [];
  for (let i = 0; i < count; i += 20) {
    const batch = Array.from({ length: Math.min(20, count - i) }, (_, j) => api.startConversation({ message: `Bench task ${i + j}` }));
    started.push(...(await Promise.all(batch)));
  }
  for (const c of started) store.addStarted(c);
  server.control.advance(8_000);
  store.applyUpdates(await api.getConversations(store.activeIds()));
}

export async function simulateHour(server: RunningServer, c: Case, focused: boolean): Promise<HourResult> {
  server.control.reset();
  server.control.setScenario('slow');
  let inFlight: Promise<unknown> | undefined;
  const clock = new SteppedClock(server.control, async () => void (await inFlight));
  const connection = new OpenHandsConnection({ serverUrl: server.url, apiVersion: 'v1', getApiKey: async () => DEMO_API_KEY, now: () => clock.now() });
  const api = await connection.api();
  const store = new ConversationStore();
  store.restore(settled(c.tracked - c.active, clock.now()), false);
  await startActive(server, api, store, c.active);
  server.control.clearRequests();

  const polls: PollRecord[] = [];
  let lastPollAt = clock.now();
  const started = clock.now();
  // The same steps as ConversationSync.poll, which needs the vscode module.
  const poll = async (signal: AbortSignal): Promise<PollResult> => {
    const ids = store.activeIds();
    let changedRows = 0;
    const listener = store.onDidChange((change) => (changedRows += change.updated.length));
    const work = api.getConversations(ids, signal).then((updates) => store.applyUpdates(updates));
    inFlight = work;
    try {
      await work;
    } finally {
      listener.dispose();
    }
    polls.push({ active: ids.length, changedRows, ...classify(server.control.requests()) });
    server.control.clearRequests();
    lastPollAt = clock.now();
    return { changed: changedRows > 0 };
  };
  const poller = new Poller({ clock, poll, hasActive: () => store.activeIds().length > 0, random: () => 0.5 });
  poller.setFocused(focused);
  poller.wake();
  await clock.advance(HOUR_MS);
  poller.dispose();
  const offTarget = polls.filter((p) => p.status > expectedStatusReads(p.active) || p.other > 0 || p.events > p.changedRows).length;
  return { polls, offTarget, stray: server.control.requests().length, pollingMinutes: (lastPollAt - started) / 60_000 };
}

const total = (r: HourResult): number => r.stray + r.polls.reduce((sum, p) => sum + p.status + p.events + p.other, 0);
const sum = (r: HourResult, key: 'status' | 'events'): number => r.polls.reduce((s, p) => s + p[key], 0);

export async function measureNetwork(cases: readonly Case[] = FULL_CASES): Promise<Section> {
  const server = await startOpenHandsServer({ clock: 'manual', mode: 'v1' });
  const rows: string[][] = [];
  let offTarget = 0;
  let idleRequests = 0;
  try {
    for (const c of cases) {
      const [f, u] = [await simulateHour(server, c, true), await simulateHour(server, c, false)];
      offTarget += f.offTarget + u.offTarget + f.stray + u.stray;
      if (c.active === 0) idleRequests += total(f) + total(u);
      const maxPerPoll = Math.max(0, ...[...f.polls, ...u.polls].map((p) => p.status));
      const naive = c.tracked * NAIVE_PER_CONVERSATION;
      rows.push([
        String(c.tracked), String(c.active),
        `${f.polls.length} / ${u.polls.length}`,
        `${sum(f, 'status')} + ${sum(f, 'events')}`,
        `${sum(u, 'status')} + ${sum(u, 'events')}`,
        `${maxPerPoll} (≤ ${expectedStatusReads(c.active)})`,
        f.polls.length ? `${f.pollingMinutes.toFixed(1)} / ${u.pollingMinutes.toFixed(1)} min` : '—',
        String(naive),
        naive ? `${(total(f) / naive * 100).toFixed(2)} %` : '—',
      ]);
    }
  } finally {
    await server.close();
  }
  return {
    title: '3. Network in the background (one simulated hour)',
    head: ['Tracked N', 'Active K', 'Polls focused / unfocused', 'Requests focused (status + events)', 'Requests unfocused', 'Max status reads per poll (target)', 'Last poll at (focused / unfocused)', 'Naive: GET each every 5 s', 'Ours (focused) vs naive'],
    rows,
    targets: [
      { name: 'status reads per poll ≤ ⌈active / 99⌉, events only for changed rows', met: offTarget === 0, detail: `${offTarget} poll(s) or stray request(s) off target` },
      { name: 'no requests while nothing is active', met: idleRequests === 0, detail: `${idleRequests} request(s) in the K = 0 hours` },
    ],
    notes: [
      'Real Poller + ConversationStore + V1 client (OpenHandsConnection) against the embedded server; the poller\'s clock and the server\'s manual clock advance in step (bench/steppedClock.ts).',
      'Active conversations run the server\'s "slow" scenario (40 tool calls, ~10 min) and then finish; polling stops when none is active, so the rest of the hour costs nothing. Each finish costs one events read (a V1 "finished" needs the last events to tell done from "needs you").',
      `Naive = N × ${NAIVE_PER_CONVERSATION} (one GET per tracked conversation every 5 s for the hour, focused or not).`,
    ],
  };
}
