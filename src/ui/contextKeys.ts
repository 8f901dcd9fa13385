// Every context key the manifest's `when` clauses use, set in one place.
import * as vscode from 'vscode';

/** The connection as the welcome views describe it. */
export type ConnectionState = 'none' | 'loading' | 'ready' | 'unreachable' | 'keyRejected';

export interface ContextKeyValues {
  'openhands.hasApiKey': boolean;
  'openhands.connection': ConnectionState;
  'openhands.hasMore': boolean;
}

const current = new Map<string, unknown>();

export function setContextKey<K extends keyof ContextKeyValues>(key: K, value: ContextKeyValues[K]): void {
  if (current.get(key) === value) return;
  current.set(key, value);
  void vscode.commands.executeCommand('setContext', key, value);
}
