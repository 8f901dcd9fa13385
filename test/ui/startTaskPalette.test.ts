// The main flow, from the Command Palette: start a task on the open repository, see it at the
// top of the sidebar and in the status bar, and hear about it when the agent is done.
import * as assert from 'node:assert/strict';
import {
  OPENHANDS,
  clickNotificationButton,
  clickViewAction,
  openViewContainer,
  quickInput,
  quickInputState,
  resizeSidebar,
  runCommand,
  saveSidebarScreenshot,
  statusBarEntry,
  toasts,
  treeRows,
  typeInQuickInput,
  waitForToast,
  waitForTreeRow,
  waitUntil,
} from '../harness/driver';
import { useWorkbench } from '../harness/uiFixture';
import { uiEnvironment } from '../harness/uiEnvironment';
import {
  createRequests,
  rowShowsPhase,
  startTaskFromPalette,
  v1MessageText,
  waitForCreateRequests,
  waitForRow,
  waitForStatus,
} from './support/openhandsUi';

const VIEW = OPENHANDS.conversationsView;
// At most 8 words, capitalised: the server's generated title is then the same text, so the
// label does not change under the test when the title arrives.
const TASK = 'Add a shout option to greet';
const QUICK_TASK = 'Fix the typo in the README';

describe('Start Task from the palette', () => {
  // Older conversations make the sidebar look like a real account (and the README screenshot):
  // of ten seeded ones the newest six are archived, so keep the paused, finished and failed.
  before(() => {
    const control = uiEnvironment().server.control;
    control.reset();
    control.seedConversations(10, { repository: 'octo-org/hello-world' }).slice(0, 6).forEach((id) => control.deleteConversation(id));
  });
  const workbench = useWorkbench({ apiKey: true, resetServer: false });

  it('lists the account’s conversations once the key is set', async () => {
    const { page } = workbench();
    await openViewContainer(page, OPENHANDS.container);
    await waitForTreeRow(page, VIEW, 'Seeded task #7');
    assert.equal((await treeRows(page, VIEW)).length, 4);
  });

  it('starts the typed task on octo-org/hello-world (main) with one create request', async () => {
    const { page } = workbench();
    await runCommand(page, OPENHANDS.commands.startTask);
    const box = await quickInputState(page);
    assert.equal(box.title, 'OpenHands: Start Task');
    await typeInQuickInput(page, TASK);
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
    const creates = await waitForCreateRequests('v1');
    // Give a double submit the time to show up before counting.
    await page.waitForTimeout(500);
    assert.equal(createRequests('v1').length, 1, 'exactly one create request');
    const body = creates[0].body as Record<string, unknown>;
    assert.equal(body.selected_repository, 'octo-org/hello-world');
    assert.equal(body.selected_branch, 'main');
    assert.equal(body.git_provider, 'github');
    assert.equal(v1MessageText(creates[0]), TASK);
  });

  it('shows the new conversation at the top of the sidebar', async () => {
    const { page } = workbench();
    await waitForTreeRow(page, VIEW, TASK);
    const [top, ...rest] = await treeRows(page, VIEW);
    assert.equal(top.label, TASK);
    assert.match(top.description, /octo-org\/hello-world/);
    assert.equal(rest.length, 4, 'the older conversations are still listed below');
    assert.ok(!rowShowsPhase(top, 'Finished'), `not finished yet: ${top.ariaLabel}`);
  });

  it('shows a spinner and the count of running tasks in the status bar', async () => {
    const { page } = workbench();
    const entry = await waitUntil(() => statusBarEntry(page, OPENHANDS.statusItemId), { what: 'the OpenHands status item' });
    assert.ok(entry.icons.includes('sync~spin'), `icons: ${entry.icons.join(', ')}`);
    assert.equal(entry.text, '1');
  });

  it('shows the row running once the agent has started', async function () {
    this.timeout(45_000);
    const { page } = workbench();
    // V1 start task READY at 4 s, the agent's first turn from 6 s (server time).
    uiEnvironment().server.control.advance(7_000);
    const row = await waitForRow(page, TASK, (r) => r.icon === 'sync~spin' && r.ariaLabel.includes(', Running,'), 'the row to show Running');
    assert.match(row.description, /octo-org\/hello-world/);
  });

  it('marks the row finished and announces it when the agent is done', async function () {
    this.timeout(60_000);
    const { page } = workbench();
    // `finish` ends 20 s (server time) after the create; the poller notices on its next round.
    uiEnvironment().server.control.advance(18_000);
    await waitForRow(page, TASK, (r) => rowShowsPhase(r, 'Finished'), 'the row to show Finished', 40_000);
    await waitForToast(page, `OpenHands finished “${TASK}”.`);
    const toast = (await toasts(page)).find((t) => t.message.startsWith('OpenHands finished'));
    assert.deepEqual(toast?.buttons, ['Open in Browser', 'Show', "Don't Show Again"]);
  });

  it('says "finished" in the status bar and stops the spinner', async () => {
    const { page } = workbench();
    const entry = await waitForStatus(page, /finished/);
    assert.ok(entry.icons.includes('check'), `icons: ${entry.icons.join(', ')}`);
    assert.ok(!entry.icons.includes('sync~spin'), `no spinner once nothing runs: ${entry.icons.join(', ')}`);
    await resizeSidebar(page, 460);
    await saveSidebarScreenshot(page, 'sidebar-conversations', { height: 200 });
  });

  it('"Show" on the notification selects the row and clears the status bar', async () => {
    const { page } = workbench();
    await clickNotificationButton(page, 'OpenHands finished', 'Show');
    const selected = page.locator('.part.sidebar .monaco-list-row.selected .label-name');
    await waitUntil(async () => (await selected.allTextContents()).includes(TASK), { what: 'the finished row to be selected' });
    await waitUntil(async () => (await statusBarEntry(page, OPENHANDS.statusItemId)) === undefined, { what: 'the status item to hide' });
  });

  it('keeps one row for the task after Refresh', async () => {
    const { page } = workbench();
    const control = uiEnvironment().server.control;
    control.clearRequests();
    await clickViewAction(page, 'Refresh');
    // Wait for the reloaded list to arrive, then for the view to draw it.
    await waitUntil(() => control.requests().some((r) => r.path === '/api/v1/app-conversations/search'), { what: 'the list request' });
    await page.waitForTimeout(1_000);
    const rows = await treeRows(page, VIEW);
    assert.equal(rows.filter((r) => r.label === TASK).length, 1, `rows: ${rows.map((r) => r.label).join(' | ')}`);
    assert.equal(rows.length, 5);
  });

  it('says "finished" in the status bar for a task that started and finished between two polls', async function () {
    this.timeout(60_000);
    const { page } = workbench();
    await startTaskFromPalette(page, QUICK_TASK);
    await waitForTreeRow(page, VIEW, QUICK_TASK);
    // One poll sees the start task become a conversation that has already finished, as after
    // a while away from the window.
    uiEnvironment().server.control.advance(25_000);
    await waitForRow(page, QUICK_TASK, (r) => rowShowsPhase(r, 'Finished'), 'the quick task to show Finished', 40_000);
    await waitForToast(page, `OpenHands finished “${QUICK_TASK}”.`);
    await waitForStatus(page, /finished/);
  });
});
