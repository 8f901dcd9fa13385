// A self-hosted server older than V1: the extension detects the legacy API by itself and the
// same Start Task flow works through `POST /api/conversations`.
import * as assert from 'node:assert/strict';
import { OPENHANDS, openViewContainer, waitForToast, waitForTreeRow, waitUntil, welcomeText } from '../harness/driver';
import { useWorkbench } from '../harness/uiFixture';
import { uiEnvironment } from '../harness/uiEnvironment';
import { createRequests, rowShowsPhase, startTaskFromPalette, waitForCreateRequests, waitForRow } from './support/openhandsUi';

const TASK = 'Translate the greeting to French';

describe('Start Task on a V0 server', () => {
  // The mode must be set before the workbench opens: the API version is detected on first use.
  before(() => {
    const control = uiEnvironment().server.control;
    control.reset();
    control.setMode('v0');
  });
  // reset() puts the server back to V1 for the files that follow.
  after(() => uiEnvironment().server.control.reset());
  const workbench = useWorkbench({ apiKey: true, resetServer: false });

  it('connects without any setting: the empty-account welcome shows', async () => {
    const { page } = workbench();
    await openViewContainer(page, OPENHANDS.container);
    const text = await waitUntil(async () => {
      const welcome = await welcomeText(page, OPENHANDS.conversationsView);
      return /No conversations yet/.test(welcome) && welcome;
    }, { what: 'the empty-account welcome' });
    assert.match(text, /Start Task/);
  });

  it('creates the conversation with POST /api/conversations', async () => {
    const { page } = workbench();
    await startTaskFromPalette(page, TASK);
    const [create] = await waitForCreateRequests('v0');
    const body = create.body as Record<string, unknown>;
    assert.equal(body.repository, 'octo-org/hello-world');
    assert.equal(body.selected_branch, 'main');
    assert.equal(body.initial_user_msg, TASK);
    assert.equal(createRequests('v1').length, 0, 'nothing was sent to the V1 API');
    const row = await waitForTreeRow(page, OPENHANDS.conversationsView, TASK);
    assert.match((await row.textContent()) ?? '', /octo-org\/hello-world/);
  });

  it('shows the row finished and announces it after the agent is done', async function () {
    this.timeout(60_000);
    const { page } = workbench();
    uiEnvironment().server.control.advance(7_000);
    await waitForRow(page, TASK, (r) => r.ariaLabel.includes(', Running,'), 'the row to show Running');
    uiEnvironment().server.control.advance(18_000);
    await waitForRow(page, TASK, (r) => rowShowsPhase(r, 'Finished'), 'the row to show Finished', 40_000);
    await waitForToast(page, `OpenHands finished “${TASK}”.`);
  });
});
