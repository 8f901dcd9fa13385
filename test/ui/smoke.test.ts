// The first thing a user sees: the OpenHands icon in the activity bar, the Conversations view
// behind it, and the commands in the palette.
import * as assert from 'node:assert/strict';
import {
  OPENHANDS,
  activityBarItem,
  openViewContainer,
  paletteCommands,
  saveSidebarScreenshot,
  sidebarTitle,
  waitForView,
  waitForViewContent,
} from '../harness/driver';
import { useWorkbench } from '../harness/uiFixture';

describe('smoke', () => {
  const workbench = useWorkbench();

  it('shows the OpenHands container in the activity bar', async () => {
    assert.equal(await activityBarItem(workbench().page, OPENHANDS.container).count(), 1);
  });

  it('opens the Conversations view from the activity bar', async () => {
    const { page } = workbench();
    await openViewContainer(page, OPENHANDS.container);
    await waitForView(page, OPENHANDS.conversationsView);
    assert.match(await sidebarTitle(page), /OpenHands/i);
    await waitForViewContent(page, OPENHANDS.conversationsView);
    await saveSidebarScreenshot(page, 'sidebar');
  });

  it('lists "OpenHands: Start Task…" in the palette', async () => {
    const commands = await paletteCommands(workbench().page, 'OpenHands: Start Task');
    assert.ok(commands.includes(OPENHANDS.commands.startTask), `palette shows: ${commands.join(' | ')}`);
  });
});
