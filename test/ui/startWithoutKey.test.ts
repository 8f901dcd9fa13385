// Start Task before any key is stored asks for the key first and then goes on with the task;
// a failed create keeps the typed task and offers a retry that creates exactly one conversation.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  OPENHANDS,
  clickNotificationButton,
  closeQuickInput,
  quickInput,
  quickInputState,
  runCommand,
  toasts,
  treeRows,
  typeInQuickInput,
  waitForToast,
  waitForTreeRow,
  waitUntil,
} from '../harness/driver';
import { useWorkbench } from '../harness/uiFixture';
import { uiEnvironment } from '../harness/uiEnvironment';
import { createRequests, v1MessageText, waitForCreateRequests } from './support/openhandsUi';

const FIRST_TASK = 'Rename greet to welcome';
const FAILING_TASK = 'Add a farewell function';
const CANT_START = /Couldn't start the task/;

/** The open box once its title is `title`: one command's boxes reuse the same widget. */
function boxTitled(page: Page, title: string): ReturnType<typeof quickInputState> {
  return waitUntil(async () => {
    const state = await quickInputState(page);
    return state.title === title && state;
  }, { what: `the "${title}" box` });
}

describe('Start Task without a key, and a failed start', () => {
  const workbench = useWorkbench();

  it('asks for the key first, in a password box that says the task comes next', async () => {
    const { page } = workbench();
    await runCommand(page, OPENHANDS.commands.startTask);
    const box = await boxTitled(page, 'OpenHands: Set API Key');
    assert.equal(box.inputType, 'password');
    assert.match(box.message, /Set your OpenHands API key first/);
  });

  it('goes on to the task box once the key is accepted, and starts the task', async () => {
    const { page } = workbench();
    await typeInQuickInput(page, uiEnvironment().server.apiKey);
    const box = await boxTitled(page, 'OpenHands: Start Task');
    assert.equal(box.inputType, 'text');
    await typeInQuickInput(page, FIRST_TASK);
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
    const [create] = await waitForCreateRequests('v1');
    assert.equal(v1MessageText(create), FIRST_TASK);
    await waitForTreeRow(page, OPENHANDS.conversationsView, FIRST_TASK);
    assert.equal(createRequests('v1').length, 1, 'exactly one create request');
  });

  it('says it could not start, offering Retry and Show Logs, when the server fails', async () => {
    const { page } = workbench();
    const control = uiEnvironment().server.control;
    control.addFault({ method: 'POST', path: '/api/v1/app-conversations', status: 500, times: 1 });
    await runCommand(page, OPENHANDS.commands.startTask);
    await boxTitled(page, 'OpenHands: Start Task');
    await typeInQuickInput(page, FAILING_TASK);
    await waitForToast(page, CANT_START);
    const [error] = (await toasts(page)).filter((n) => CANT_START.test(n.message));
    assert.equal(error.severity, 'Error');
    assert.deepEqual(error.buttons, ['Retry', 'Show Logs']);
    assert.match(error.message, /Your task text is kept/);
    assert.equal(createRequests('v1').length, 2, 'the failed create reached the server once');
    assert.equal(control.conversations().length, 1, 'no conversation was created');
  });

  it('restores the unsent task when Start Task is run again', async () => {
    const { page } = workbench();
    await runCommand(page, OPENHANDS.commands.startTask);
    const box = await boxTitled(page, 'OpenHands: Start Task');
    assert.equal(box.value, FAILING_TASK);
    assert.match(box.message, /Restored the task/);
    await closeQuickInput(page);
  });

  it('creates exactly one conversation when Retry is clicked', async () => {
    const { page } = workbench();
    const control = uiEnvironment().server.control;
    await clickNotificationButton(page, CANT_START, 'Retry');
    await waitForTreeRow(page, OPENHANDS.conversationsView, FAILING_TASK);
    const creates = await waitForCreateRequests('v1', 3);
    assert.equal(v1MessageText(creates[2]), FAILING_TASK);
    // A second click or an automatic retry would show up here within a moment.
    await page.waitForTimeout(1_000);
    assert.equal(createRequests('v1').length, 3, 'one create for the retry');
    assert.equal(control.conversations().length, 2);
    const rows = await treeRows(page, OPENHANDS.conversationsView);
    assert.equal(rows.filter((r) => r.label === FAILING_TASK).length, 1);
  });

  it('forgets the draft once the task has started', async () => {
    const { page } = workbench();
    await runCommand(page, OPENHANDS.commands.startTask);
    const box = await boxTitled(page, 'OpenHands: Start Task');
    assert.equal(box.value, '');
    await closeQuickInput(page);
  });
});
