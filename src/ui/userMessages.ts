// Every notification the extension shows goes through here. Its text is made inert (no
// clickable links from server text), and the last few are remembered, so the extension's API
// can tell tests and automation what the user was told (VS Code cannot read them back).
import * as vscode from 'vscode';
import { withoutLinks } from './untrustedText';

export type MessageSeverity = 'info' | 'warning' | 'error';

export interface ShownMessage {
  readonly severity: MessageSeverity;
  readonly text: string;
  readonly actions: readonly string[];
  /** Epoch ms. */
  readonly at: number;
}

const MAX_REMEMBERED = 100;
const shown: ShownMessage[] = [];

/** Shows a notification; resolves with the chosen action, undefined when dismissed. */
export function showMessage(severity: MessageSeverity, message: string, ...actions: string[]): Thenable<string | undefined> {
  // None of our own messages carries a link (actions are buttons), so all link syntax is foreign.
  const text = withoutLinks(message);
  shown.push({ severity, text, actions, at: Date.now() });
  if (shown.length > MAX_REMEMBERED) shown.splice(0, shown.length - MAX_REMEMBERED);
  if (severity === 'error') return vscode.window.showErrorMessage(text, ...actions);
  if (severity === 'warning') return vscode.window.showWarningMessage(text, ...actions);
  return vscode.window.showInformationMessage(text, ...actions);
}

/** The notifications shown in this window, oldest first. */
export function shownMessages(): readonly ShownMessage[] {
  return [...shown];
}
