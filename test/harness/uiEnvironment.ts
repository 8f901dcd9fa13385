// What all UI test files share in one run: the embedded server (manual clock), one
// code-server and the demo workspace. Each file opens its own browser profile on top of it
// (see uiFixture.ts), so SecretStorage starts empty per file while the ~1 s code-server
// start is paid once.
import { startCodeServer } from './codeServer';
import type { CodeServer, CodeServerOptions } from './codeServer';
import { createDemoWorkspace } from './demoWorkspace';
import type { DemoWorkspace } from './demoWorkspace';
import { serverEnv, startEmbeddedServer } from './embeddedServer';
import type { EmbeddedServer } from './embeddedServer';

export interface UiEnvironment {
  readonly server: EmbeddedServer;
  readonly codeServer: CodeServer;
  readonly workspace: DemoWorkspace;
}

let current: UiEnvironment | undefined;

/** The running environment; only runUi.ts starts one. */
export function uiEnvironment(): UiEnvironment {
  if (!current) throw new Error('no UI environment: run UI tests with `node out/test/harness/runUi.js`');
  return current;
}

export async function startUiEnvironment(): Promise<UiEnvironment> {
  const server = await startEmbeddedServer({ clock: 'manual', mode: 'v1' });
  try {
    const env = serverEnv(server);
    // Tests in this process read the same variables as tests in the extension host.
    Object.assign(process.env, env);
    const workspace = createDemoWorkspace();
    const codeServer = await startCodeServer(uiCodeServerOptions(server, env));
    current = { server, codeServer, workspace };
    return current;
  } catch (err) {
    await server.close();
    throw err;
  }
}

/** Options for a test that needs its own code-server (e.g. with Workspace Trust on). */
export function uiCodeServerOptions(server: EmbeddedServer, env = serverEnv(server)): CodeServerOptions {
  return { label: 'ui', env, userSettings: { 'openhands.serverUrl': server.url } };
}

export async function closeUiEnvironment(): Promise<void> {
  const env = current;
  current = undefined;
  if (!env) return;
  await env.codeServer.close();
  await env.server.close();
  env.workspace.cleanup();
}
