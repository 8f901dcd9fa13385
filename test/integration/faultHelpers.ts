// Shared by the fault-matrix and security tests: what the server saw, what the user was told,
// the extension's log file, and a request made "by hand" that stands in for a request whose
// answer the extension never got.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Conversation } from '../../src/conversations/conversation';
import type { OpenHandsExtensionApi } from '../../src/ui/extensionApi';
import type { ShownMessage } from '../../src/ui/userMessages';
import type { LoggedRequest } from '../server/requestLog';
import { apiKey, control, freshStart, waitFor } from './helpers';

export type Mode = 'v1' | 'v0';
export const REPO = 'octo-org/hello-world';
export const CREATE_PATH: Record<Mode, string> = { v1: '/api/v1/app-conversations', v0: '/api/conversations' };
/** The poll of active conversations (V1 batch get; V0 one GET per id). */
export const POLL_PATH: Record<Mode, string> = { v1: '^/api/v1/app-conversations$', v0: '^/api/conversations/[0-9a-f]{32}$' };

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function serverUrl(): string {
  const url = process.env.OPENHANDS_TEST_SERVER_URL;
  if (!url) throw new Error('OPENHANDS_TEST_SERVER_URL is not set');
  return url;
}

/** Start Task as automation runs it; resolves once the user has been told the outcome. */
export async function startTask(task: string): Promise<void> {
  await vscode.commands.executeCommand('openhands.startTask', { task });
}

export async function requests(method: string, pathPattern: string | RegExp): Promise<LoggedRequest[]> {
  const re = typeof pathPattern === 'string' ? new RegExp(`^${pathPattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : pathPattern;
  return (await control.requests()).filter((r) => r.method === method && re.test(r.path));
}

export async function createRequests(mode: Mode): Promise<number> {
  return (await requests('POST', CREATE_PATH[mode])).length;
}

/** What the user was told since `from` (an index into api.messages()). */
export function told(api: OpenHandsExtensionApi, from = 0): ShownMessage[] {
  return api.messages().slice(from);
}

/** The workspace state, or undefined while the lead has not wired the hook (see docs/reliability.md). */
export function draftOf(api: OpenHandsExtensionApi): unknown {
  return api.workspaceState()?.['openhands.taskDraft'];
}

/** The OpenHands output channel's log file, in the code-server run folder the harness made. */
export function logFile(): string {
  const root = path.join(process.env.VSCODE_CWD ?? process.cwd(), 'user-data', 'logs');
  const found: { file: string; mtime: number }[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 4 || !fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, depth + 1);
      else if (entry.name === 'OpenHands.log' && full.includes('openhands-community.openhands-vscode')) {
        found.push({ file: full, mtime: fs.statSync(full).mtimeMs });
      }
    }
  };
  walk(root, 0);
  const newest = found.sort((a, b) => b.mtime - a.mtime)[0];
  if (!newest) throw new Error(`no OpenHands.log under ${root}`);
  return newest.file;
}

export function logText(): string {
  return fs.readFileSync(logFile(), 'utf8');
}

/** Occurrences of `re` in the log (the log is written asynchronously: wait a moment first). */
export async function logCount(re: RegExp): Promise<number> {
  await sleep(300);
  return logText().split('\n').filter((line) => re.test(line)).length;
}

/**
 * Creates a conversation straight on the server with the test key: what the extension's own
 * create request would have done had its answer not been lost.
 */
export async function createDirectly(mode: Mode, message: string): Promise<void> {
  const body =
    mode === 'v1'
      ? { initial_message: { role: 'user', content: [{ type: 'text', text: message }], run: true }, selected_repository: REPO, selected_branch: 'main', git_provider: 'github' }
      : { initial_user_msg: message, repository: REPO, selected_branch: 'main', git_provider: 'github' };
  const response = await fetch(`${serverUrl()}${CREATE_PATH[mode]}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey()}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`direct create: HTTP ${response.status} ${await response.text()}`);
}

/** Real (wall-clock) times at which requests matching `re` reached the server. */
export class RequestWatch {
  readonly seen: { at: number; request: LoggedRequest }[] = [];
  private known = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly re: RegExp) {}

  /** Only requests that arrive from now on count. */
  async start(): Promise<this> {
    this.known = (await control.requests()).length;
    this.timer = setInterval(() => void this.sample(), 40);
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private sampling = false;

  private async sample(): Promise<void> {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const log = await control.requests();
      const now = Date.now();
      if (log.length < this.known) this.known = 0; // the log was cleared
      for (const request of log.slice(this.known)) if (this.re.test(`${request.method} ${request.path}`)) this.seen.push({ at: now, request });
      this.known = log.length;
    } finally {
      this.sampling = false;
    }
  }
}

/** The row of a conversation we started, however the server re-keyed or retitled it. */
export function rowOf(api: OpenHandsExtensionApi, started: Conversation): Conversation | undefined {
  const rows = api.conversations();
  return rows.find((c) => c.id === started.id) ?? rows.find((c) => started.startTaskId !== undefined && c.startTaskId === started.startTaskId);
}

/**
 * freshStart, then quiet: setting the key also fires SecretStorage's change event, whose
 * reload may land after freshStart's own Refresh. Timing tests must not see that one.
 */
export async function quietStart(mode: Mode): Promise<OpenHandsExtensionApi> {
  const api = await freshStart(mode);
  // The poller slows to minutes while the window is unfocused; timing tests assume focus.
  if (!vscode.window.state.focused) console.warn('quietStart: the workbench window is not focused; polling is slow');
  let last = -1;
  for (;;) {
    await sleep(400);
    const count = (await control.requests()).length;
    if (count === last) return api;
    last = count;
  }
}

/** Starts a task and moves the server on until the agent works on it (polled from then on). */
export async function startRunning(api: OpenHandsExtensionApi, task: string): Promise<Conversation> {
  await startTask(task);
  const started = api.conversations().find((c) => c.title === task);
  if (!started) throw new Error(`"${task}" did not start`);
  await control.advance(7_000); // start task READY at 4 s, the agent's turn begins at 6 s
  await vscode.commands.executeCommand('openhands.refresh');
  return waitFor(() => rowOf(api, started), (c) => c?.phase === 'running', `"${task}" to run`) as Promise<Conversation>;
}
