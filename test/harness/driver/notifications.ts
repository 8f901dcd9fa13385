// Toasts and the Notification Center. A toast may hide on its own (or never render, in some
// headless setups), while the Notification Center keeps every notification, so helpers that
// must not miss a message fall back to the center.
import type { Locator, Page } from 'playwright-core';
import { runCommand } from './palette';

const TOAST = '.notifications-toasts .notification-toast';
const CENTER = '.notifications-center';
const CENTER_ITEM = `${CENTER} .notification-list-item`;
const MESSAGE = '.notification-list-item-message';
const BUTTON = '.notification-list-item-buttons-container .monaco-button';

export interface NotificationInfo {
  readonly message: string;
  /** "Info", "Warning" or "Error", from the severity icon. */
  readonly severity: string;
  readonly buttons: readonly string[];
}

/** Notifications currently shown as toasts, newest first. */
export async function toasts(page: Page): Promise<NotificationInfo[]> {
  return readItems(page.locator(`${TOAST} .notification-list-item`));
}

/** Waits for a toast whose message contains `text`; returns its locator. */
export async function waitForToast(page: Page, text: string | RegExp, timeoutMs = 15_000): Promise<Locator> {
  const toast = page.locator(TOAST).filter({ has: page.locator(MESSAGE, { hasText: text }) }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  return toast;
}

/** Opens the Notification Center and lists everything in it, newest first. */
export async function notificationCenter(page: Page): Promise<NotificationInfo[]> {
  await showNotificationCenter(page);
  return readItems(page.locator(CENTER_ITEM));
}

export async function showNotificationCenter(page: Page): Promise<void> {
  if (!(await page.locator(`${CENTER}.visible`).isVisible())) {
    await runCommand(page, 'Notifications: Show Notifications');
  }
  await page.locator(`${CENTER}.visible`).waitFor({ timeout: 5_000 });
}

export async function hideNotificationCenter(page: Page): Promise<void> {
  if (await page.locator(`${CENTER}.visible`).isVisible()) await runCommand(page, 'Notifications: Hide Notifications');
}

export async function clearNotifications(page: Page): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
}

/**
 * Clicks a button of the notification whose message contains `message`: on its toast if
 * one is visible, otherwise in the Notification Center.
 */
export async function clickNotificationButton(page: Page, message: string | RegExp, button: string, timeoutMs = 15_000): Promise<void> {
  const withMessage = page.locator(MESSAGE, { hasText: message });
  const toast = page.locator(TOAST).filter({ has: withMessage }).first();
  const visible = await toast.waitFor({ state: 'visible', timeout: timeoutMs }).then(
    () => true,
    () => false,
  );
  let item: Locator;
  if (visible) {
    item = toast;
  } else {
    await showNotificationCenter(page);
    item = page.locator(CENTER_ITEM).filter({ has: withMessage }).first();
  }
  await item.locator(BUTTON, { hasText: button }).first().click();
}

async function readItems(items: Locator): Promise<NotificationInfo[]> {
  return items.evaluateAll((elements) =>
    elements.map((item) => {
      const icon = item.querySelector('.notification-list-item-icon');
      const iconClass = icon?.className ?? '';
      const severity = /error/.test(iconClass) ? 'Error' : /warning/.test(iconClass) ? 'Warning' : 'Info';
      return {
        message: item.querySelector('.notification-list-item-message')?.textContent?.trim() ?? '',
        severity,
        buttons: [...item.querySelectorAll('.notification-list-item-buttons-container .monaco-button')].map(
          (b) => b.textContent?.trim() ?? '',
        ),
      };
    }),
  );
}
