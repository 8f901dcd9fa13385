// Section 5: applying a poll's result to a sidebar of 1,000 conversations. Real
// ConversationStore, ConversationTreeProvider and StatusBarController over a stand-in
// `vscode` module; the reference is the full refresh a naive provider would do.
import './useVscodeStub';
import { performance } from 'node:perf_hooks';
import type { Conversation, Phase } from '../src/conversations/conversation';
import { ConversationStore } from '../src/conversations/conversationStore';
import type { ConversationItem } from '../src/ui/conversationItem';
import { ConversationTreeProvider } from '../src/ui/conversationTree';
import { StatusBarController } from '../src/ui/statusBar';
import type { Section } from './report';
import { spread } from './stats';
import type { Spread } from './stats';

const ROWS = 1000;
const NOW = Date.UTC(2026, 11, 4, 12);
const ONE_CHANGE_BUDGET_MS = 20;

function conversation(i: number, phase: Phase, round: number): Conversation {
  return {
    id: `c${String(i).padStart(4, '0')}`, phase, title: `Task ${i}: tidy up module ${i % 37}`, repository: 'acme/webshop', branch: 'main',
    createdAt: new Date(NOW - i * 60_000), updatedAt: new Date(NOW - 1000 + round), statusDetail: round % 2 ? 'Agent is working' : undefined,
  };
}

interface Fixture {
  readonly store: ConversationStore;
  readonly tree: ConversationTreeProvider;
  readonly fired: (ConversationItem | undefined)[];
}

function fixture(withStatusBar: boolean): Fixture {
  const store = new ConversationStore();
  const tree = new ConversationTreeProvider(store, () => NOW);
  if (withStatusBar) new StatusBarController(store);
  const fired: (ConversationItem | undefined)[] = [];
  tree.onDidChangeTreeData((item) => fired.push(item));
  store.mergeListed(Array.from({ length: ROWS }, (_, i) => conversation(i, 'running', 0)));
  tree.getChildren(); // the first render creates the rows
  fired.length = 0;
  return { store, tree, fired };
}

/** Times `fn` `runs` times (after a few warm-ups), in ms. */
function time(runs: number, fn: (round: number) => void): Spread {
  for (let i = 0; i < 5; i++) fn(-i - 1);
  const samples: number[] = [];
  for (let round = 1; round <= runs; round++) {
    const t0 = performance.now();
    fn(round);
    samples.push(performance.now() - t0);
  }
  return spread(samples);
}

/** One poll result changing `count` rows; then VS Code asks for each fired row. */
function applyChange(f: Fixture, count: number, round: number): void {
  const updates = new Map<string, Conversation>();
  for (let k = 0; k < count; k++) {
    const i = (Math.abs(round) * 7 + k) % ROWS;
    const c = conversation(i, round % 2 ? 'finished' : 'running', round);
    updates.set(c.id, c);
  }
  f.fired.length = 0;
  f.store.applyUpdates(updates);
  for (const item of f.fired) if (item) f.tree.getTreeItem(item);
}

const ms = (s: Spread): string => `${s.min.toFixed(3)} / ${s.median.toFixed(3)} / ${s.max.toFixed(3)}`;

export function measureTree(): Section {
  const plain = fixture(false);
  const one = time(200, (round) => applyChange(plain, 1, round));
  applyChange(plain, 1, 999);
  const oneFired = plain.fired.map((item) => item?.id ?? 'ALL');
  const all = time(20, (round) => applyChange(plain, ROWS, round));
  const allFired = plain.fired.length;
  const allFull = plain.fired.filter((item) => item === undefined).length;
  const full = time(50, () => {
    plain.tree.refreshAll();
    plain.tree.getChildren();
  });
  const wired = fixture(true);
  const oneWired = time(200, (round) => applyChange(wired, 1, round));
  return {
    title: `5. Scale of the view (${ROWS} conversations)`,
    head: ['Update', 'Time ms (min / median / max)', 'Rows refreshed'],
    rows: [
      ['One conversation changes (store → tree)', ms(one), `${oneFired.length} (${oneFired.join(', ')})`],
      ['One changes, tree + status bar (as wired in activate)', ms(oneWired), '1'],
      [`All ${ROWS} change (store → tree)`, ms(all), `${allFired} targeted, ${allFull} full`],
      [`Reference: full refresh (fire(undefined) + getChildren of ${ROWS})`, ms(full), `${ROWS}`],
    ],
    targets: [
      { name: `one change ≤ ${ONE_CHANGE_BUDGET_MS} ms`, met: oneWired.median <= ONE_CHANGE_BUDGET_MS, detail: `median ${oneWired.median.toFixed(3)} ms, max ${oneWired.max.toFixed(3)} ms (tree + status bar)` },
      { name: 'only the changed row is refreshed', met: oneFired.length === 1 && oneFired[0] !== 'ALL', detail: `${oneFired.length} row event(s), ${oneFired.includes('ALL') ? 'a full refresh' : 'no full refresh'}` },
    ],
    notes: [
      'Plain Node with a stand-in `vscode` module (bench/vscodeStub.ts): measures the extension\'s side of an update (store.applyUpdates → row update → onDidChangeTreeData, then getTreeItem per fired row), not VS Code\'s rendering, which draws only the rows on screen.',
      '200 runs for one change, 20 for all, 50 for the reference, after 5 warm-ups each.',
    ],
  };
}
