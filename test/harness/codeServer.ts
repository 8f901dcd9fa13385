// Starts code-server (VS Code 1.100's server + web workbench) isolated and offline, as
// /work/shared/harness.md describes: own run folder, no marketplace, own process group.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { freePort } from './freePort';
import { registerCleanup, stopGroup, trackProcessGroup } from './lifecycle';
import { ensureDir, safeFileName, testResultsDir, vscodeTestDir } from './paths';

export interface CodeServerOptions {
  /** Run folder. Default: a fresh `.vscode-test/run-XXXXXX`, deleted on close. */
  readonly runDir?: string;
  /** Keep the run folder on close. Default: true when `runDir` is given. */
  readonly keepRunDir?: boolean;
  /** Default: a free port. */
  readonly port?: number;
  /** Merged over the harness defaults and over an existing settings.json in `runDir`. */
  readonly userSettings?: Readonly<Record<string, unknown>>;
  /** Extra environment; the extension host inherits it (e.g. OPENHANDS_TEST_SERVER_URL). */
  readonly env?: Readonly<Record<string, string>>;
  /** Leave Workspace Trust on (restricted-mode tests). Default: false, trust disabled. */
  readonly workspaceTrust?: boolean;
  /** Names the log file `test-results/code-server-<label>.log`. */
  readonly label?: string;
  readonly startTimeoutMs?: number;
}

export interface CodeServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** `127.0.0.1:PORT`: the remote authority in `vscode-remote://` URIs. */
  readonly authority: string;
  readonly runDir: string;
  readonly userDataDir: string;
  readonly logFile: string;
  /**
   * Copies the server's VS Code logs (extension hosts, and each extension's own output channel,
   * e.g. exthost1/openhands-community.openhands-vscode/OpenHands.log) to `dest`, before close()
   * deletes a throwaway run folder. Returns `dest`.
   */
  saveLogs(dest: string): string;
  close(): Promise<void>;
}

/** Settings that keep a test workbench quiet and deterministic. */
const DEFAULT_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.autofetch': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.commandCenter.enabled': false,
};

/** The marketplace points at a closed port: nothing may be fetched from the network. */
const OFFLINE_GALLERY = JSON.stringify({
  serviceUrl: 'http://127.0.0.1:9/gallery',
  itemUrl: 'http://127.0.0.1:9/item',
});

const processGuard = path.join(__dirname, 'processGuard.js');

const codeServerEntry = path.join(
  path.dirname(require.resolve('code-server/package.json')),
  'out',
  'node',
  'entry.js',
);

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const generated = options.runDir === undefined;
  const runDir = options.runDir ?? fs.mkdtempSync(path.join(ensureDir(vscodeTestDir), 'run-'));
  const keepRunDir = options.keepRunDir ?? !generated;
  const port = options.port ?? (await freePort());
  const authority = `127.0.0.1:${port}`;
  const dirs = prepareRunDir(runDir, authority, options.userSettings ?? {});

  const logFile = path.join(ensureDir(testResultsDir), `code-server-${safeFileName(options.label ?? path.basename(runDir))}.log`);
  const log = fs.openSync(logFile, 'w');
  const args = [
    codeServerEntry,
    '--bind-addr', authority,
    '--auth', 'none',
    '--config', dirs.config,
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
  ];
  // detached → setsid(): the server and its file watchers share a group we can kill at once.
  // The guard leads that group and kills it if this process dies without cleaning up.
  const child = spawn(process.execPath, [processGuard, ...args], {
    cwd: runDir,
    detached: true,
    stdio: ['pipe', log, log],
    env: childEnv(runDir, options.env ?? {}),
  });
  fs.closeSync(log);
  // The pipe is only a lifeline: it must not keep this process alive.
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  const pid = child.pid;
  if (pid === undefined) throw new Error(`code-server did not start; see ${logFile}`);
  const untrack = trackProcessGroup(pid);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      unregister();
      await stopGroup(pid);
      untrack();
      if (!keepRunDir) fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
    })());
  const unregister = registerCleanup(close);

  const url = `http://${authority}`;
  try {
    await waitForHealthz(url, exited, options.startTimeoutMs ?? 30_000);
  } catch (err) {
    await close();
    throw new Error(`${(err as Error).message}; see ${logFile}`);
  }
  const saveLogs = (dest: string): string => {
    const logs = path.join(dirs.userData, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, dest, { recursive: true });
    return dest;
  };
  return { url, port, authority, runDir, userDataDir: dirs.userData, logFile, saveLogs, close };
}

function prepareRunDir(runDir: string, authority: string, settings: Readonly<Record<string, unknown>>) {
  const userData = ensureDir(path.join(runDir, 'user-data'));
  const extensions = ensureDir(path.join(runDir, 'extensions'));
  for (const d of ['xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) ensureDir(path.join(runDir, d));
  const config = path.join(runDir, 'config.yaml');
  fs.writeFileSync(config, `bind-addr: ${authority}\nauth: none\ncert: false\n`);

  const settingsFile = path.join(ensureDir(path.join(userData, 'User')), 'settings.json');
  let existing: Record<string, unknown> = {};
  try {
    existing = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
  } catch {
    // No settings yet (fresh run folder), or a hand-edited file with comments: start clean.
  }
  fs.writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...existing, ...settings }, null, 2));
  return { userData, extensions, config };
}

function childEnv(runDir: string, extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    // VSCODE_IPC_HOOK_CLI makes code-server hand off to the VS Code we might be running in;
    // PORT and PASSWORD override its flags.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  for (const key of ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN']) delete env[key];
  return {
    ...env,
    XDG_CONFIG_HOME: path.join(runDir, 'xdg-config'),
    XDG_DATA_HOME: path.join(runDir, 'xdg-data'),
    XDG_CACHE_HOME: path.join(runDir, 'xdg-cache'),
    TMPDIR: path.join(runDir, 'tmp'),
    EXTENSIONS_GALLERY: OFFLINE_GALLERY,
    ...extra,
  };
}

async function waitForHealthz(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`code-server exited with ${exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`code-server was not healthy within ${timeoutMs} ms`);
}
