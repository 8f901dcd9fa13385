// One real VS Code for sections 1 and 4: the embedded server on the real clock (so request
// times and the extension host's marks share the wall clock), code-server, the demo
// workspace, one browser profile (it keeps the API key between windows), and the .vsix
// unpacked as the extension under test.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { startCodeServer } from '../test/harness/codeServer';
import type { CodeServer } from '../test/harness/codeServer';
import { createDemoWorkspace } from '../test/harness/demoWorkspace';
import type { DemoWorkspace } from '../test/harness/demoWorkspace';
import { serverEnv, startEmbeddedServer } from '../test/harness/embeddedServer';
import type { EmbeddedServer } from '../test/harness/embeddedServer';
import { quickInput, setApiKeyViaPalette, waitForViewContainer } from '../test/harness/driver';
import { registerCleanup } from '../test/harness/lifecycle';
import { CHROMIUM_PATH, formatLog, openWorkbench } from '../test/harness/workbench';
import type { Workbench } from '../test/harness/workbench';
import { freshDir, repoRoot } from './paths';

export interface HostSession {
  readonly server: EmbeddedServer;
  readonly codeServer: CodeServer;
  readonly workspace: DemoWorkspace;
  /** The production extension as users install it: the .vsix, unpacked. */
  readonly extensionDir: string;
  readonly profileDir: string;
  /** Opens a window; `logs` collects the extension host's console (in-host probe output). */
  open(extensionDir: string, options?: { testsPath?: string; logs?: string[] }): Promise<Workbench>;
  close(): Promise<void>;
}

export function unpackVsix(vsix: string): string {
  const dir = freshDir('vsix');
  execFileSync('unzip', ['-q', vsix, '-d', dir]);
  return path.join(dir, 'extension');
}

export async function startHostSession(vsix: string): Promise<HostSession> {
  const extensionDir = unpackVsix(vsix);
  const profileDir = freshDir('profile');
  const server = await startEmbeddedServer({ clock: 'real', mode: 'v1' });
  const workspace = createDemoWorkspace();
  const codeServer = await startCodeServer({ label: 'bench', env: serverEnv(server), userSettings: { 'openhands.serverUrl': server.url } });
  const close = async (): Promise<void> => {
    unregister();
    await codeServer.close();
    await server.close();
    workspace.cleanup();
  };
  const unregister = registerCleanup(close);
  const open = (dir: string, options: { testsPath?: string; logs?: string[] } = {}): Promise<Workbench> =>
    openWorkbench({
      codeServer, folder: workspace.folder, profileDir, label: 'bench', extensionDevelopmentPath: dir,
      ...(options.testsPath ? { extensionTestsPath: options.testsPath } : {}),
      onLog: (_type, args) => options.logs?.push(formatLog(args)),
    });
  const session = { server, codeServer, workspace, extensionDir, profileDir, open, close };
  try {
    await storeApiKey(session);
  } catch (err) {
    await close();
    throw err;
  }
  return session;
}

/** As a user would: "OpenHands: Set API Key…". The profile keeps it for every later window. */
async function storeApiKey(session: HostSession): Promise<void> {
  const workbench = await session.open(session.extensionDir);
  try {
    await waitForViewContainer(workbench.page);
    await setApiKeyViaPalette(workbench.page, session.server.apiKey);
    await quickInput(workbench.page).waitFor({ state: 'hidden', timeout: 10_000 });
    // Closing the window before the key was used can lose it: wait for the first list request.
    const deadline = Date.now() + 20_000;
    while (!session.server.control.requests().some((r) => r.path.endsWith('/search'))) {
      if (Date.now() > deadline) throw new Error('the extension did not load conversations after the API key was set');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  } finally {
    await workbench.close();
  }
}

/** Versions of what the host measurements ran on, for the results' machine table. */
export function hostVersions(): Record<string, string> {
  const codeServer = require(path.join(repoRoot, 'node_modules', 'code-server', 'package.json')) as { version: string };
  const product = require(path.join(repoRoot, 'node_modules', 'code-server', 'lib', 'vscode', 'product.json')) as { version?: string };
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Reported as unknown; the measurement itself would have failed first.
  }
  return { 'VS Code (code-server)': `${product.version ?? '?'} (code-server ${codeServer.version})`, Browser: chromium };
}
