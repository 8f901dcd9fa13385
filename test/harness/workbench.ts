// Opens the code-server workbench in Debian's Chromium through playwright-core. The workbench
// takes the development extension and the in-host test entry from its URL `payload`, and
// reports in-host results through window.codeAutomationExit / codeAutomationLog.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import type { CodeServer } from './codeServer';
import { registerCleanup } from './lifecycle';
import { ensureDir, extensionDevelopmentPath, safeFileName, testResultsDir } from './paths';

export const CHROMIUM_PATH = process.env.OPENHANDS_CHROMIUM ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface WorkbenchOptions {
  readonly codeServer: CodeServer;
  /** Absolute folder to open. */
  readonly folder: string;
  /** Extension under development. Default: the repo (or OPENHANDS_EXTENSION_PATH); null: none. */
  readonly extensionDevelopmentPath?: string | null;
  /** Compiled in-host test entry, absolute, with or without `.js`. */
  readonly extensionTestsPath?: string;
  /** Browser profile (holds SecretStorage). Default: a fresh folder, so no API key is stored. */
  readonly profileDir?: string;
  /** In-host console output. Default: printed to this process's console. */
  readonly onLog?: (type: string, args: readonly unknown[]) => void;
  /** Names `test-results/workbench-<label>.log` (browser console) and screenshots. */
  readonly label?: string;
}

export interface Workbench {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly url: string;
  readonly label: string;
  /** The code passed to codeAutomationExit: settles only when in-host tests finish. */
  readonly exitCode: Promise<number>;
  close(): Promise<void>;
}

/** `http://127.0.0.1:PORT/?folder=…&payload=…`, the only way to load a development extension. */
export function workbenchUrl(
  server: CodeServer,
  folder: string,
  devPath?: string | null,
  testsPath?: string,
): string {
  const remote = (p: string) => `vscode-remote://${server.authority}${path.resolve(p)}`;
  const payload: [string, string][] = [];
  if (devPath) payload.push(['extensionDevelopmentPath', remote(devPath)]);
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath.replace(/\.js$/, ''))]);
  const query = new URLSearchParams({ folder: path.resolve(folder) });
  if (payload.length) query.set('payload', JSON.stringify(payload));
  return `${server.url}/?${query.toString()}`;
}

export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const label = safeFileName(options.label ?? 'workbench');
  const profileDir =
    options.profileDir ?? fs.mkdtempSync(path.join(ensureDir(path.join(options.codeServer.runDir, 'chromium')), 'profile-'));
  const devPath = options.extensionDevelopmentPath === undefined ? extensionDevelopmentPath() : options.extensionDevelopmentPath;
  const url = workbenchUrl(options.codeServer, options.folder, devPath, options.extensionTestsPath);

  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      unregister();
      await context.close().catch(() => undefined);
      if (!options.profileDir) fs.rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
    })());
  const unregister = registerCleanup(close);

  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const browserLog = fs.createWriteStream(path.join(ensureDir(testResultsDir), `workbench-${label}.log`));
    page.on('console', (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => browserLog.write(`[pageerror] ${err.stack ?? err.message}\n`));
    context.once('close', () => browserLog.end());

    const onLog = options.onLog ?? printLog;
    let resolveExit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (resolveExit = resolve));
    // Both must exist before the workbench loads: it looks them up once, at startup.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      browserLog.write(`[host:${type}] ${formatLog(args)}\n`);
      onLog(type, args);
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    await page.goto(url);
    return { page, context, url, label, exitCode, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** Workbench chatter that reaches codeAutomationLog in every run and says nothing about tests. */
const NOISE = [
  /^Resolving connection token/,
  /^Resolved connection token/,
  /^Creating a socket/,
  /^\[Service Worker\]/,
  /^Updating additional builtin extensions cache/,
  /^ChatSessionStore:/,
  /ECONNREFUSED 127\.0\.0\.1:9/, // the disabled marketplace, by design
  /^Canceled$/,
];

/** Formats in-host console arguments the way Node's console would (mocha logs with %s / %d). */
export function formatLog(args: readonly unknown[]): string {
  return format(...args);
}

export function isWorkbenchNoise(text: string): boolean {
  return NOISE.some((re) => re.test(text));
}

function printLog(type: string, args: readonly unknown[]): void {
  const text = formatLog(args);
  if (isWorkbenchNoise(text)) return;
  if (type === 'error') console.error(text);
  else console.log(text);
}
