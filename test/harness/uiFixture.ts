// Mocha hooks for a UI test file: a reset server and a fresh workbench (fresh browser
// profile, so no API key) before the file, a screenshot of every failed test, cleanup after.
import type { Workbench } from './workbench';
import { openWorkbench } from './workbench';
import type { CodeServer } from './codeServer';
import { setApiKeyViaPalette } from './driver/openhands';
import { quickInput } from './driver/palette';
import { saveScreenshot } from './driver/screenshots';
import { waitForViewContainer } from './driver/views';
import { uiEnvironment } from './uiEnvironment';

export interface WorkbenchFixtureOptions {
  /** Names logs and screenshots; default: the file's top-level suite title. */
  readonly label?: string;
  /** Default: the shared demo workspace. */
  readonly folder?: string;
  /** Default: the shared code-server. */
  readonly codeServer?: () => CodeServer;
  /** Wait for the OpenHands container before the tests start. Default true. */
  readonly waitForExtension?: boolean;
  /** Reset the shared embedded server (conversations, faults, request log). Default true. */
  readonly resetServer?: boolean;
  /** Store an API key through "OpenHands: Set API Key…" first; `true` = the server's demo key. */
  readonly apiKey?: string | true;
}

/**
 * Call at the top of a describe(); use the returned getter inside tests:
 *   const workbench = useWorkbench();
 *   it('…', async () => { await runCommand(workbench().page, '…'); });
 */
export function useWorkbench(options: WorkbenchFixtureOptions = {}): () => Workbench {
  let workbench: Workbench | undefined;

  before(async function () {
    this.timeout(90_000);
    if (options.resetServer !== false) uiEnvironment().server.control.reset();
    workbench = await openWorkbench({
      codeServer: options.codeServer?.() ?? uiEnvironment().codeServer,
      folder: options.folder ?? uiEnvironment().workspace.folder,
      label: `ui-${options.label ?? this.test?.parent?.title ?? 'workbench'}`,
    });
    if (options.waitForExtension !== false || options.apiKey) await waitForViewContainer(workbench.page);
    if (options.apiKey) {
      await setApiKeyViaPalette(workbench.page, options.apiKey === true ? uiEnvironment().server.apiKey : options.apiKey);
      await quickInput(workbench.page).waitFor({ state: 'hidden', timeout: 10_000 });
    }
  });

  afterEach(async function () {
    const test = this.currentTest;
    if (workbench && test?.state === 'failed') {
      const file = await saveScreenshot(workbench.page, `failure-${test.fullTitle()}`).catch(() => undefined);
      if (file) console.log(`      screenshot: ${file}`);
    }
  });

  after(async () => {
    await workbench?.close();
    workbench = undefined;
  });

  return () => {
    if (!workbench) throw new Error('the workbench is not open (did the before hook fail?)');
    return workbench;
  };
}
