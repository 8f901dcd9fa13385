// Integration layer: embedded server (manual clock) + code-server + Chromium, then the mocha
// suite in out/test/integration runs inside the real extension host. Exit code = its result.
//   node out/test/harness/runIntegration.js   (after `npm run build:tests` and `node esbuild.js`)
// OPENHANDS_TEST_GREP filters tests; OPENHANDS_TEST_SUMMARY receives the JSON counts.
import * as path from 'node:path';
import { startCodeServer } from './codeServer';
import { createDemoWorkspace } from './demoWorkspace';
import { serverEnv, startEmbeddedServer } from './embeddedServer';
import { registerCleanup, runMain } from './lifecycle';
import { testResultsDir } from './paths';
import { SUMMARY_ENV } from './summaryReporter';
import { openWorkbench } from './workbench';

const TIMEOUT_MS = Number(process.env.OPENHANDS_TEST_TIMEOUT_MS ?? 10 * 60_000);

async function main(): Promise<number> {
  const started = Date.now();
  const server = await startEmbeddedServer({ clock: 'manual', mode: 'v1' });
  registerCleanup(() => server.close());
  const workspace = createDemoWorkspace();
  registerCleanup(() => workspace.cleanup());

  const forwarded: Record<string, string> = { ...serverEnv(server) };
  for (const key of [SUMMARY_ENV, 'OPENHANDS_TEST_GREP']) {
    const value = process.env[key];
    if (value) forwarded[key] = value;
  }
  const codeServer = await startCodeServer({
    label: 'integration',
    env: forwarded,
    userSettings: { 'openhands.serverUrl': server.url },
  });
  registerCleanup(() => codeServer.close());

  const workbench = await openWorkbench({
    codeServer,
    folder: workspace.folder,
    label: 'integration',
    extensionTestsPath: path.join(__dirname, '..', 'integration', 'index.js'),
  });
  registerCleanup(() => workbench.close());

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      console.error(`integration tests did not finish within ${TIMEOUT_MS} ms`);
      resolve(1);
    }, TIMEOUT_MS);
  });
  const code = await Promise.race([workbench.exitCode, timedOut]);
  clearTimeout(timer);
  if (code !== 0) {
    await workbench.page.screenshot({ path: path.join(testResultsDir, 'failure-integration.png') }).catch(() => undefined);
    console.error(`code-server log: ${codeServer.logFile}`);
    console.error(`extension host logs: ${codeServer.saveLogs(path.join(testResultsDir, 'logs-integration'))}`);
  }
  console.log(`integration layer finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code;
}

runMain(main);
