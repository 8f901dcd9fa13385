// Restricted Mode: the extension works in an untrusted workspace, but runs no git there (a
// repository's config can make git run programs), so Start Task offers to start without one.
import * as assert from 'node:assert/strict';
import type { CodeServer } from '../harness/codeServer';
import { startCodeServer } from '../harness/codeServer';
import {
  answerWorkspaceTrust,
  isRestrictedMode,
  quickInput,
  runCommand,
  setApiKeyViaPalette,
  typeInQuickInput,
  waitForViewContainer,
  waitUntil,
  OPENHANDS,
} from '../harness/driver';
import { useWorkbench } from '../harness/uiFixture';
import { uiCodeServerOptions, uiEnvironment } from '../harness/uiEnvironment';
import { waitForCreateRequests } from './support/openhandsUi';

describe('Restricted Mode', () => {
  let trusting: CodeServer | undefined;
  before(async function () {
    this.timeout(60_000);
    trusting = await startCodeServer({ ...uiCodeServerOptions(uiEnvironment().server), label: 'ui-restricted', workspaceTrust: true });
  });
  after(() => trusting?.close());
  const workbench = useWorkbench({ codeServer: () => trusting as CodeServer, waitForExtension: false });

  it('opens the untrusted folder in Restricted Mode with the OpenHands view available', async () => {
    const { page } = workbench();
    await answerWorkspaceTrust(page, false);
    assert.equal(await isRestrictedMode(page), true);
    await waitForViewContainer(page);
  });

  it('starts a task without running git: the user is asked, and no repository is sent', async () => {
    const { page } = workbench();
    await setApiKeyViaPalette(page, uiEnvironment().server.apiKey);
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
    await runCommand(page, OPENHANDS.commands.startTask);
    await typeInQuickInput(page, 'Explain the project layout');
    const dialog = page.locator('.monaco-dialog-box', { hasText: 'Restricted Mode' });
    await dialog.waitFor({ state: 'visible', timeout: 15_000 });
    await dialog.locator('.monaco-button', { hasText: 'Start Without Repository' }).click();
    const [create] = await waitForCreateRequests('v1');
    const body = create.body as Record<string, unknown>;
    assert.equal(body.selected_repository, undefined, 'a repository was read from git in Restricted Mode');
    assert.equal(body.selected_branch, undefined);
    await waitUntil(async () => (await page.locator('.monaco-list-row', { hasText: 'Explain the project layout' }).count()) > 0, { what: 'the row' });
  });
});
