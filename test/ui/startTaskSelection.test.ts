// Start Task on selected code: select lines in an editor, right-click → "Start OpenHands Task on Selection…", and the
// agent's first message carries the code with where it comes from (path, lines, commit).
import * as assert from 'node:assert/strict';
import {
  clickContextMenuItem,
  closeQuickInput,
  contextMenuItems,
  openEditorContextMenu,
  openFileWithQuickOpen,
  quickInput,
  quickInputState,
  selectLinesFrom,
  typeInQuickInput,
} from '../harness/driver';
import { useWorkbench } from '../harness/uiFixture';
import { uiEnvironment } from '../harness/uiEnvironment';
import { createRequests, v1MessageText, waitForCreateRequests } from './support/openhandsUi';

const TASK = 'Add tests for this function';
/** Lines 3-5 of the demo workspace's src/greet.js. */
const SELECTED = ['function greet(name) {', '  return `Hello, ${name}!`;', '}'].join('\n');

describe('Start Task on selected code', () => {
  const workbench = useWorkbench({ apiKey: true });

  it('offers "Start OpenHands Task on Selection…" in the editor context menu of a selection', async () => {
    const { page } = workbench();
    await openFileWithQuickOpen(page, 'src/greet.js');
    await selectLinesFrom(page, 'function greet(name)', 3);
    await openEditorContextMenu(page, 'function greet(name)');
    const items = await contextMenuItems(page);
    assert.ok(items.includes('Start OpenHands Task on Selection…'), `context menu: ${items.join(' | ')}`);
  });

  it('names the selection in the task box', async () => {
    const { page } = workbench();
    await clickContextMenuItem(page, 'Start OpenHands Task on Selection…');
    const box = await quickInputState(page);
    assert.equal(box.title, 'OpenHands: Start Task on greet.js:3-5');
    assert.equal(box.value, '');
  });

  it('sends the task with the selected code, its path, lines and commit', async () => {
    const { page } = workbench();
    await typeInQuickInput(page, TASK);
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
    const [create] = await waitForCreateRequests('v1');
    const message = v1MessageText(create);
    const head = uiEnvironment().workspace.git('rev-parse', 'HEAD');
    assert.match(head, /^[0-9a-f]{40}$/);
    assert.ok(message.startsWith(TASK), message);
    assert.ok(message.includes('`src/greet.js`'), `path relative to the repository root: ${message}`);
    assert.ok(message.includes('lines 3-5'), `line range: ${message}`);
    assert.ok(message.includes(`at commit ${head}`), `commit: ${message}`);
    assert.ok(message.includes(`\`\`\`javascript\n${SELECTED}\n\`\`\``), `fenced code: ${message}`);
    assert.equal(createRequests('v1').length, 1);
    const body = create.body as Record<string, unknown>;
    assert.equal(body.selected_repository, 'octo-org/hello-world');
    assert.equal(body.selected_branch, 'main');
  });

  it('does not offer "Start OpenHands Task on Selection…" without a selection', async () => {
    const { page } = workbench();
    await closeQuickInput(page);
    // A plain click collapses the selection; the menu entry needs selected code.
    await selectLinesFrom(page, 'module.exports', 0);
    await openEditorContextMenu(page, 'module.exports');
    const items = await contextMenuItems(page);
    await page.keyboard.press('Escape');
    assert.ok(items.includes('Copy'), `the menu opened: ${items.join(' | ')}`);
    assert.ok(!items.includes('Start OpenHands Task on Selection…'), `context menu: ${items.join(' | ')}`);
  });
});
