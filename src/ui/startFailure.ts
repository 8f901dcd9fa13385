// The bad ends of Start Task. A clear "no" (a 4xx, or nothing was sent) is said in words with
// a Retry. A missing answer (timeout, reset, 5xx, unreadable reply) is looked up first, so
// Retry is only offered once we know the server did not start the task: never twice.
import * as vscode from 'vscode';
import { mayHaveCreated } from '../api/createOutcome';
import { describeApiError, isApiError } from '../api/errors';
import type { PendingStart, StartLookupResult } from '../conversations/pendingStart';
import { lookUpStart } from '../conversations/pendingStart';
import { promptForApiKey } from './apiKeyPrompt';
import type { StartTaskDeps } from './startTask';
import { confirmStart } from './startOutcome';
import { knownTo } from './startRecovery';
import { showMessage } from './userMessages';

type Resend = () => Promise<void>;

/** Never waits for the user's choice: the command resolves once the user has been told. */
export async function startFailed(deps: StartTaskDeps, pending: PendingStart, error: unknown, resend: Resend): Promise<void> {
  deps.session.reportFailure(error, { told: true });
  if (mayHaveCreated(error) && (await settledByLookup(deps, pending, error))) return;
  await deps.pendingStarts.remove(pending);
  void offerRetry(deps, error, resend);
}

/** True when the lookup settled it: found (adopted), or unknown (the user was told). */
async function settledByLookup(deps: StartTaskDeps, pending: PendingStart, error: unknown): Promise<boolean> {
  deps.log.info('[start] no clear answer; looking up whether the server started the task anyway');
  const result = await lookUp(deps, pending);
  if (result.kind === 'found') {
    const note = 'The server’s answer got lost, but your task was started. Follow it in the sidebar.';
    await confirmStart(deps, result.conversation, pending, note);
    return true;
  }
  if (result.kind === 'notFound') return false;
  deps.log.warn(`[start] could not tell whether the task was started: ${String(result.error)}`);
  void offerCheckAgain(deps, pending, error);
  return true;
}

async function lookUp(deps: StartTaskDeps, pending: PendingStart): Promise<StartLookupResult> {
  try {
    return await lookUpStart(await deps.session.api(), pending, knownTo(deps.store));
  } catch (error) {
    return { kind: 'unknown', error }; // session.api() itself failed (e.g. version detection)
  }
}

/** The record stays pending: the next load after the server answers again settles it too. */
async function offerCheckAgain(deps: StartTaskDeps, pending: PendingStart, error: unknown): Promise<void> {
  const text = `Couldn't tell whether your task was started: ${describeApiError(error, deps.session.serverUrl)} Your task text is kept, and OpenHands checks again when the server answers.`;
  const choice = await showMessage('warning', text, 'Check Again', 'Show Logs');
  if (choice === 'Show Logs') deps.log.show();
  if (choice !== 'Check Again') return;
  if (deps.pendingStarts && !deps.pendingStarts.claim(pending)) return; // a reload is on it
  try {
    const settled = await settledByLookup(deps, pending, error);
    if (!settled) {
      await deps.pendingStarts.remove(pending);
      void showMessage('warning', 'Your task did not reach the server. Your text is kept: run “OpenHands: Start Task…” to send it.');
    }
  } finally {
    deps.pendingStarts.release(pending);
  }
}

async function offerRetry(deps: StartTaskDeps, error: unknown, resend: Resend): Promise<void> {
  const fixKey = isApiError(error, 'unauthorized');
  const actions = fixKey ? ['Set API Key', 'Show Logs'] : ['Retry', 'Show Logs'];
  const text = `Couldn't start the task. ${describeApiError(error, deps.session.serverUrl)} Your task text is kept.`;
  const choice = await showMessage('error', text, ...actions);
  if (choice === 'Retry' && (await waitForRateLimit(deps))) await resend();
  if (choice === 'Show Logs') deps.log.show();
  if (choice === 'Set API Key' && (await promptForApiKey(deps.keys, deps.log))) {
    deps.session.restart();
    await resend();
  }
}

/** No request before the server's Retry-After: a Retry clicked early waits, visibly, and can be cancelled. */
async function waitForRateLimit(deps: StartTaskDeps): Promise<boolean> {
  const ms = deps.session.rateLimitedForMs();
  if (ms <= 0) return true;
  const title = `Waiting ${Math.ceil(ms / 1000)} s: the OpenHands server asked to slow down`;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(true), ms);
      token.onCancellationRequested(() => {
        clearTimeout(timer);
        resolve(false);
      });
    }),
  );
}
