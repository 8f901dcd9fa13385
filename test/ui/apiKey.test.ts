// A new user's first minute: no key → the view offers "Set API Key"; a wrong key is refused in
// the box itself; the right key turns the view into "No conversations yet"; clearing it goes back.
import * as assert from 'node:assert/strict';
import {
  OPENHANDS,
  clickWelcomeAction,
  openViewContainer,
  quickInput,
  quickInputState,
  runCommand,
  typeInQuickInput,
  waitForToast,
  waitForViewContent,
  waitUntil,
  welcomeText,
} from '../harness/driver';
import type { Page } from 'playwright-core';
import { useWorkbench } from '../harness/uiFixture';
import { uiEnvironment } from '../harness/uiEnvironment';

const VIEW = OPENHANDS.conversationsView;
const NO_KEY_WELCOME = /Connect to OpenHands/;
const READY_WELCOME = /No conversations yet/;

/** The welcome text once it matches; the view swaps welcomes when a context key changes. */
function welcomeMatching(page: Page, pattern: RegExp): Promise<string> {
  return waitUntil(async () => {
    const text = await welcomeText(page, VIEW);
    return pattern.test(text) && text;
  }, { what: `the welcome ${pattern}` });
}

/** The box's message once it matches: the key is checked against the server first. */
function boxMessageMatching(page: Page, pattern: RegExp): Promise<string> {
  return waitUntil(async () => {
    const { message } = await quickInputState(page);
    return pattern.test(message) && message;
  }, { what: `the key box message ${pattern}` });
}

describe('API key', () => {
  const workbench = useWorkbench();

  it('offers "Set API Key" in the Conversations view when no key is stored', async () => {
    const { page } = workbench();
    await openViewContainer(page, OPENHANDS.container);
    await waitForViewContent(page, VIEW);
    await welcomeMatching(page, NO_KEY_WELCOME);
    const button = page.locator('.part.sidebar .welcome-view-content .monaco-button', { hasText: 'Set API Key' });
    assert.equal(await button.count(), 1, 'one "Set API Key" button');
  });

  it('asks for the key in a password box', async () => {
    const { page } = workbench();
    await clickWelcomeAction(page, VIEW, 'Set API Key');
    const box = await quickInputState(page);
    assert.equal(box.inputType, 'password', 'the key must not be shown as it is typed');
    assert.equal(box.title, 'OpenHands: Set API Key');
    assert.equal(box.value, '');
  });

  it('keeps the box open and says why when the server rejects the key', async () => {
    const { page } = workbench();
    await typeInQuickInput(page, 'not-a-valid-key');
    const message = await boxMessageMatching(page, /rejected/i);
    assert.match(message, /rejected this key/);
    assert.ok(await quickInput(page).isVisible(), 'the box stays open for another try');
    // Nothing was saved: the view still asks for a key.
    assert.match(await welcomeText(page, VIEW), NO_KEY_WELCOME);
  });

  it('saves the right key and shows the empty-account welcome', async () => {
    const { page } = workbench();
    await typeInQuickInput(page, uiEnvironment().server.apiKey);
    await quickInput(page).waitFor({ state: 'hidden', timeout: 10_000 });
    await waitForToast(page, 'OpenHands API key saved.');
    const text = await welcomeMatching(page, READY_WELCOME);
    assert.match(text, /Start Task/);
    const button = page.locator('.part.sidebar .welcome-view-content .monaco-button', { hasText: 'Start Task' });
    assert.equal(await button.count(), 1, 'one "Start Task" button');
  });

  it('"OpenHands: Clear API Key" brings back the no-key welcome', async () => {
    const { page } = workbench();
    await runCommand(page, OPENHANDS.commands.clearApiKey);
    await waitForToast(page, /API key removed/);
    await welcomeMatching(page, NO_KEY_WELCOME);
  });
});
