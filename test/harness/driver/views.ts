// Activity bar, sidebar views and tree rows. A container with a single view merges the view's
// header into the sidebar title ("OpenHands: Conversations") and hides the pane header, so
// views are found by their header title element, which is present even when hidden.
import type { Locator, Page } from 'playwright-core';

export interface TreeRow {
  readonly label: string;
  readonly description: string;
  /** What screen readers hear; includes the description, or TreeItem.accessibilityInformation. */
  readonly ariaLabel: string;
  readonly level: number;
  readonly expanded: boolean | undefined;
  /** The row's codicon as written in code, e.g. "pass" or "sync~spin"; '' without one. */
  readonly icon: string;
}

/** The activity bar icon of a view container, by its title ("OpenHands"). */
export function activityBarItem(page: Page, title: string): Locator {
  return page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${title}"]`);
}

/** Waits until the container is in the activity bar: the extension's contributions are in. */
export async function waitForViewContainer(page: Page, title = 'OpenHands', timeoutMs = 30_000): Promise<void> {
  await activityBarItem(page, title).waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Opens the container in the sidebar (a no-op when it is already open). */
export async function openViewContainer(page: Page, title = 'OpenHands'): Promise<void> {
  await waitForViewContainer(page, title);
  const item = activityBarItem(page, title);
  const li = page.locator('.part.activitybar .action-item', { has: page.locator(`a.action-label[aria-label^="${title}"]`) });
  // Clicking the icon of the open container would close the sidebar.
  if ((await li.getAttribute('aria-expanded')) !== 'true') await item.click();
  await page.locator('.part.sidebar .composite.title h2', { hasText: title }).waitFor({ timeout: 10_000 });
}

/** The sidebar title, e.g. "OpenHands: Conversations". */
export async function sidebarTitle(page: Page): Promise<string> {
  return ((await page.locator('.part.sidebar .composite.title h2').textContent()) ?? '').trim();
}

/** A view's pane in the sidebar, by view name ("Conversations"). */
export function viewPane(page: Page, name: string): Locator {
  const title = page.locator('.pane-header h3.title', { hasText: new RegExp(`^\\s*${escape(name)}\\s*$`) });
  return page.locator('.part.sidebar .pane', { has: title });
}

export async function waitForView(page: Page, name: string, timeoutMs = 15_000): Promise<Locator> {
  const pane = viewPane(page, name);
  await pane.locator('.pane-body').waitFor({ state: 'visible', timeout: timeoutMs });
  return pane;
}

/**
 * Waits until the view shows something from the extension: tree rows or welcome content.
 * Before its provider is registered the view says "There is no data provider registered".
 */
export async function waitForViewContent(page: Page, name: string, timeoutMs = 15_000): Promise<void> {
  const body = viewPane(page, name).locator('.pane-body');
  const rows = body.locator('.monaco-list-row');
  const welcome = body.locator('.welcome-view-content');
  await rows.first().or(welcome.first()).waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Tree rows of a view as rendered (only rows scrolled into view exist in the DOM). */
export async function treeRows(page: Page, viewName: string): Promise<TreeRow[]> {
  const rows = viewPane(page, viewName).locator('.pane-body .monaco-list-row');
  return rows.evaluateAll((elements) =>
    elements.map((row) => {
      const text = (selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
      const expanded = row.getAttribute('aria-expanded');
      const iconClasses = [...(row.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])];
      const iconName = iconClasses.find((c) => c.startsWith('codicon-') && !c.startsWith('codicon-modifier-')) ?? '';
      const spin = iconClasses.includes('codicon-modifier-spin') ? '~spin' : '';
      return {
        label: text('.label-name'),
        description: text('.label-description'),
        ariaLabel: (row.getAttribute('aria-label') ?? '').trim(),
        level: Number(row.getAttribute('aria-level') ?? '1'),
        expanded: expanded === null ? undefined : expanded === 'true',
        icon: iconName ? iconName.slice('codicon-'.length) + spin : '',
      };
    }),
  );
}

/** Waits until a row whose label matches is rendered, and returns its locator. */
export async function waitForTreeRow(page: Page, viewName: string, label: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const row = viewPane(page, viewName)
    .locator('.pane-body .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: label }) })
    .first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  return row;
}

/** Clicks an inline action (icon button) of a tree row, by its title/aria-label. */
export async function clickTreeRowAction(row: Locator, actionTitle: string): Promise<void> {
  await row.hover();
  await row.locator(`.actions a.action-label[aria-label="${actionTitle}"]`).click();
}

/** Clicks a view title action (toolbar icon), by its title/aria-label. */
export async function clickViewAction(page: Page, actionTitle: string): Promise<void> {
  await page.locator(`.part.sidebar a.action-label[aria-label="${actionTitle}"]`).first().click();
}

/** Text of the view's welcome content (viewsWelcome), empty when the tree shows rows. */
export async function welcomeText(page: Page, viewName: string): Promise<string> {
  const welcome = viewPane(page, viewName).locator('.welcome-view-content');
  return (await welcome.count()) ? ((await welcome.first().innerText()) ?? '').trim() : '';
}

/** Clicks a welcome-view button or link by its text. */
export async function clickWelcomeAction(page: Page, viewName: string, text: string): Promise<void> {
  const content = viewPane(page, viewName).locator('.welcome-view-content');
  await content.locator('.monaco-button, a', { hasText: text }).first().click();
}

/** TreeView.message, shown above the rows (e.g. "Could not reach the server"). */
export async function viewMessage(page: Page, viewName: string): Promise<string> {
  const message = viewPane(page, viewName).locator('.pane-body .message:not(.hide)');
  return (await message.count()) ? ((await message.first().textContent()) ?? '').trim() : '';
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Drags the sash on the sidebar's right edge so the sidebar is `width` px wide, as a user
 * widens it to read long descriptions.
 */
export async function resizeSidebar(page: Page, width: number): Promise<void> {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box) throw new Error('the sidebar is not visible');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width - 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 5 });
  await page.mouse.up();
}
