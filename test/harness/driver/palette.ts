// Command palette and quick input. Right after load the palette can answer "No matching
// commands" because the extension's contributions are not registered yet, so commands are
// run with "F1 → type → wait for the row" retried a few times (harness.md).
import type { Locator, Page } from 'playwright-core';

const WIDGET = '.quick-input-widget';
const INPUT = `${WIDGET} input.input`;
const ROWS = `${WIDGET} .quick-input-list .monaco-list-row`;

export interface RetryOptions {
  readonly attempts?: number;
  /** Per attempt. */
  readonly timeoutMs?: number;
}

/** The quick input box (palette, showInputBox, showQuickPick). */
export function quickInput(page: Page): Locator {
  return page.locator(WIDGET);
}

/** Waits until a quick input (palette, input box or pick) is open and focused. */
export async function waitForQuickInput(page: Page, timeoutMs = 10_000): Promise<Locator> {
  const input = page.locator(INPUT);
  await input.waitFor({ state: 'visible', timeout: timeoutMs });
  return input;
}

export async function closeQuickInput(page: Page): Promise<void> {
  if (await page.locator(INPUT).isVisible()) await page.keyboard.press('Escape');
  await page.locator(INPUT).waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

/** Visible row labels of the open quick input, in order. */
export async function quickInputRows(page: Page): Promise<string[]> {
  return page.locator(`${ROWS} .monaco-icon-label .label-name`).allTextContents();
}

/** Opens the palette and returns the commands it lists for `query` (without running any). */
export async function paletteCommands(page: Page, query: string, options: RetryOptions = {}): Promise<string[]> {
  const attempts = options.attempts ?? 4;
  let rows: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await openPalette(page, query);
    const row = page.locator(ROWS).first();
    const found = await row.waitFor({ state: 'visible', timeout: options.timeoutMs ?? 5_000 }).then(
      () => true,
      () => false,
    );
    rows = found ? await quickInputRows(page) : [];
    await closeQuickInput(page);
    if (rows.length > 0) return rows;
  }
  return rows;
}

/**
 * Runs a palette command by its full title, e.g. "OpenHands: Start Task…". The row must match
 * exactly, so "Refresh" cannot pick "Refresh Explorer".
 */
export async function runCommand(page: Page, title: string, options: RetryOptions = {}): Promise<void> {
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    await openPalette(page, title);
    const row = page.locator(ROWS).filter({ has: page.locator('.label-name', { hasText: exactly(title) }) }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: options.timeoutMs ?? 5_000 });
      await row.click();
      await paletteGone(page, `>${title}`);
      return;
    } catch {
      await closeQuickInput(page);
    }
  }
  throw new Error(`palette has no command "${title}" after ${attempts} attempts`);
}

/** Types into the open quick input (replacing its text); Enter submits unless `submit` is false. */
export async function typeInQuickInput(page: Page, text: string, options: { submit?: boolean } = {}): Promise<void> {
  const input = await waitForQuickInput(page);
  await input.fill(text);
  if (options.submit !== false) await input.press('Enter');
}

/** Picks an item of an open quick pick by its exact label. */
export async function pickQuickInputItem(page: Page, label: string, timeoutMs = 10_000): Promise<void> {
  const row = page.locator(ROWS).filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await row.click();
}

/** Title, prompt/validation message and input type (password mode shows as "password") of the open quick input. */
export async function quickInputState(page: Page): Promise<{ title: string; message: string; inputType: string; value: string }> {
  const widget = page.locator(WIDGET);
  const input = await waitForQuickInput(page);
  return {
    title: (await widget.locator('.quick-input-title').textContent().catch(() => null))?.trim() ?? '',
    message: (await widget.locator('.quick-input-message').textContent().catch(() => null))?.trim() ?? '',
    inputType: (await input.getAttribute('type')) ?? 'text',
    value: await input.inputValue(),
  };
}

async function openPalette(page: Page, query: string): Promise<void> {
  await closeQuickInput(page);
  await page.keyboard.press('F1');
  const input = await waitForQuickInput(page);
  // F1 pre-fills ">"; fill() replaces it, so put it back to stay in command mode.
  await input.fill(`>${query}`);
}

/**
 * The palette closes a moment after the click, and a command's own input box reuses the same
 * widget: wait until the palette's text is gone so typing cannot land in the palette.
 */
async function paletteGone(page: Page, paletteValue: string): Promise<void> {
  await page
    .waitForFunction(
      ([selector, value]) => {
        const input = document.querySelector<HTMLInputElement>(selector);
        return !input || input.offsetParent === null || input.value !== value;
      },
      [INPUT, paletteValue] as const,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
}

function exactly(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
