// Typed access to the extension's settings. The server URL is application-scoped, so a
// workspace cannot redirect the key elsewhere.
import * as vscode from 'vscode';
import type { GitProvider } from '../api/openHandsApi';

export type ApiVersionSetting = 'auto' | 'v1' | 'v0';
export const DEFAULT_SERVER_URL = 'https://app.all-hands.dev';

export interface Settings {
  readonly serverUrl: string;
  readonly apiVersion: ApiVersionSetting;
  readonly maxPollIntervalMs: number;
  readonly notificationsEnabled: boolean;
  readonly gitProviders: Readonly<Record<string, GitProvider>>;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration('openhands');
  const apiVersion = config.get<string>('apiVersion', 'auto');
  const seconds = config.get<number>('polling.maxIntervalSeconds', 60);
  return {
    serverUrl: (config.get<string>('serverUrl') || DEFAULT_SERVER_URL).trim().replace(/\/+$/, ''),
    apiVersion: apiVersion === 'v1' || apiVersion === 'v0' ? apiVersion : 'auto',
    maxPollIntervalMs: Math.min(600, Math.max(10, Number.isFinite(seconds) ? seconds : 60)) * 1000,
    notificationsEnabled: config.get<boolean>('notifications.enabled', true),
    gitProviders: config.get<Record<string, GitProvider>>('gitProviders', {}),
  };
}

export function onDidChangeSettings(listener: (affects: (key: string) => boolean) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('openhands')) listener((key) => event.affectsConfiguration(`openhands.${key}`));
  });
}

export async function disableNotifications(): Promise<void> {
  await vscode.workspace.getConfiguration('openhands').update('notifications.enabled', false, vscode.ConfigurationTarget.Global);
}
