// Status bar items. An extension's item gets the DOM id `<extension id>.<item id>`, which is
// stable, unlike its position or text.
import type { Locator, Page } from 'playwright-core';

export const EXTENSION_ID = 'openhands-community.openhands-vscode';

export interface StatusBarEntry {
  readonly id: string;
  /** Visible text; codicons render as elements, so "$(sync~spin) 2" reads as "2". */
  readonly text: string;
  readonly ariaLabel: string;
  /** Codicons in the text as written in code, e.g. "sync~spin" for `$(sync~spin)`. */
  readonly icons: readonly string[];
}

/** The item created with `createStatusBarItem(id, …)` by our extension. */
export function statusBarItem(page: Page, itemId: string, extensionId = EXTENSION_ID): Locator {
  return page.locator(`.part.statusbar [id="${extensionId}.${itemId}"]`);
}

/** All status bar items, left to right. */
export async function statusBarEntries(page: Page): Promise<StatusBarEntry[]> {
  return page.locator('.part.statusbar .statusbar-item').evaluateAll((elements) =>
    elements.map((el) => ({
      id: el.id,
      text: (el.textContent ?? '').trim(),
      ariaLabel: el.querySelector('a')?.getAttribute('aria-label') ?? el.getAttribute('aria-label') ?? '',
      icons: [...el.querySelectorAll('.codicon')].map((icon) => {
        const classes = [...icon.classList];
        const name = classes.find((c) => c.startsWith('codicon-') && !c.startsWith('codicon-modifier-')) ?? '';
        return name.slice('codicon-'.length) + (classes.includes('codicon-modifier-spin') ? '~spin' : '');
      }),
    })),
  );
}

/** Our item, or undefined when it is hidden or not created. */
export async function statusBarEntry(page: Page, itemId: string, extensionId = EXTENSION_ID): Promise<StatusBarEntry | undefined> {
  const id = `${extensionId}.${itemId}`;
  return (await statusBarEntries(page)).find((entry) => entry.id === id);
}
