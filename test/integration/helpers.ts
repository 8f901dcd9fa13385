// Shared by the in-host tests: the extension's API, waiting for what the user would see, and
// a clean server + key before each test.
import * as vscode from 'vscode';
import type { OpenHandsExtensionApi } from '../../src/ui/extensionApi';
import { ControlClient } from '../harness/controlClient';

export const EXTENSION_ID = 'openhands-community.openhands-vscode';
export const control = new ControlClient();
export const apiKey = (): string => process.env.OPENHANDS_TEST_API_KEY ?? '';

export async function extensionApi(): Promise<OpenHandsExtensionApi> {
  const extension = vscode.extensions.getExtension<OpenHandsExtensionApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** Polls `read` until `accept` holds; fails with the last value seen. */
export async function waitFor<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}

/** A clean server in `mode` and a fresh connection with the demo key. */
export async function freshStart(mode: 'v1' | 'v0' = 'v1'): Promise<OpenHandsExtensionApi> {
  const api = await extensionApi();
  await control.reset();
  await control.setMode(mode);
  await vscode.commands.executeCommand('openhands.setApiKey', apiKey());
  await vscode.commands.executeCommand('openhands.refresh');
  await waitFor(() => api.connectionState(), (s) => s === 'ready', 'the connection to be ready');
  return api;
}
