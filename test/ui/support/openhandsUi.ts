// What several UI test files ask of the workbench and of the embedded server.
import type { Page } from 'playwright-core';
import type { StatusBarEntry, TreeRow } from '../../harness/driver';
import { OPENHANDS, quickInput, runCommand, statusBarEntry, treeRows, typeInQuickInput, waitUntil } from '../../harness/driver';
import { uiEnvironment } from '../../harness/uiEnvironment';
import type { LoggedRequest } from '../../server/requestLog';

/** The paths a conversation is created with, per API generation. */
const CREATE_PATHS = { v1: '/api/v1/app-conversations', v0: '/api/conversations' } as const;

/** Create requests the server received so far (a retry is a second one). */
export function createRequests(api: keyof typeof CREATE_PATHS): LoggedRequest[] {
  return uiEnvironment()
    .server.control.requests()
    .filter((r) => r.method === 'POST' && r.path === CREATE_PATHS[api]);
}

/** Waits for at least `count` create requests and returns them all. */
export function waitForCreateRequests(api: keyof typeof CREATE_PATHS, count = 1): Promise<LoggedRequest[]> {
  return waitUntil(() => createRequests(api).length >= count && createRequests(api), { what: `${count} ${api} create request(s)` });
}

/** The text of a V1 create request's initial message. */
export function v1MessageText(request: LoggedRequest): string {
  const message = (request.body as { initial_message?: { content?: { text?: string }[] } }).initial_message;
  return (message?.content ?? []).map((part) => part.text ?? '').join('');
}

/** "OpenHands: Start Task…" → type the task → Enter, with a key already stored. */
export async function startTaskFromPalette(page: Page, task: string): Promise<void> {
  await runCommand(page, OPENHANDS.commands.startTask);
  await typeInQuickInput(page, task);
  await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
}

const PHASE_ICONS: Readonly<Record<string, string>> = { Finished: 'pass', Failed: 'error', 'Needs you': 'comment-unresolved' };

/**
 * True when the row shows the phase the way a user perceives it: the phase's icon, and the
 * phase word screen readers hear (the row's aria label is "title, Phase, description").
 */
export function rowShowsPhase(row: TreeRow, phase: 'Finished' | 'Failed' | 'Needs you'): boolean {
  return row.icon === PHASE_ICONS[phase] && row.ariaLabel.includes(`, ${phase},`);
}

/**
 * Waits until the Conversations row labelled `label` passes `test`. Rows change only when the
 * poller next asks the server, which is seconds (real time) after the clock was advanced.
 */
export function waitForRow(page: Page, label: string, test: (row: TreeRow) => boolean, what: string, timeoutMs = 30_000): Promise<TreeRow> {
  return waitUntil(async () => (await treeRows(page, OPENHANDS.conversationsView)).find((r) => r.label === label && test(r)), {
    timeoutMs,
    what,
  });
}

/** Waits until the OpenHands status item's text matches. */
export function waitForStatus(page: Page, text: RegExp, timeoutMs = 15_000): Promise<StatusBarEntry> {
  return waitUntil(async () => {
    const entry = await statusBarEntry(page, OPENHANDS.statusItemId);
    return entry && text.test(entry.text) && entry;
  }, { timeoutMs, what: `the OpenHands status item to say ${text}` });
}
