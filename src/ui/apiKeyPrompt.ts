// Asks for the API key in a password box that stays open on focus loss and checks the key
// against the server before saving it: a rejected key keeps the box open with the reason.
import * as vscode from 'vscode';
import { OpenHandsConnection } from '../api/connection';
import { describeApiError, isApiError } from '../api/errors';
import type { ApiKeyStore } from './apiKeyStore';
import { readSettings } from './settings';

/** Checks a key against the configured server; resolves to the problem, or undefined when fine. */
export async function checkKey(key: string, log: vscode.LogOutputChannel): Promise<{ message: string; rejected: boolean } | undefined> {
  const settings = readSettings();
  const connection = new OpenHandsConnection({
    serverUrl: settings.serverUrl,
    apiVersion: settings.apiVersion,
    getApiKey: async () => key,
    log,
  });
  try {
    await (await connection.api()).validateKey();
    return undefined;
  } catch (error) {
    const rejected = isApiError(error, 'unauthorized') || isApiError(error, 'forbidden');
    return { message: describeApiError(error, settings.serverUrl), rejected };
  }
}

/** Resolves to the saved key, or undefined when the user cancelled. */
export function promptForApiKey(keys: ApiKeyStore, log: vscode.LogOutputChannel, reason?: string): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = 'OpenHands: Set API Key';
  box.prompt = reason ?? `Paste an API key for ${readSettings().serverUrl}. It is stored in VS Code's secret storage.`;
  box.placeholder = 'API key from OpenHands Settings → API Keys';
  box.password = true;
  box.ignoreFocusOut = true;
  let unverified: string | undefined;
  return new Promise<string | undefined>((resolve) => {
    let done = false;
    const finish = (value: string | undefined): void => {
      done = true;
      resolve(value);
      box.dispose();
    };
    box.onDidChangeValue(() => (box.validationMessage = undefined));
    box.onDidHide(() => {
      if (!done) resolve(undefined);
    });
    box.onDidAccept(async () => {
      const key = box.value.trim();
      if (!key) {
        box.validationMessage = 'Paste your OpenHands API key, or press Escape to cancel.';
        return;
      }
      if (unverified === key) {
        // The user chose to keep a key we could not check (server unreachable).
        await keys.set(key);
        finish(key);
        return;
      }
      box.busy = true;
      box.enabled = false;
      const problem = await checkKey(key, log);
      box.busy = false;
      box.enabled = true;
      if (!problem) {
        await keys.set(key);
        log.info('[key] API key saved after the server accepted it');
        finish(key);
      } else if (problem.rejected) {
        box.validationMessage = `${readSettings().serverUrl} rejected this key. Check that you pasted all of it, or create a new one; Escape cancels.`;
      } else {
        unverified = key;
        box.validationMessage = `${problem.message} Press Enter again to save the key without checking it.`;
      }
    });
    box.show();
  });
}
