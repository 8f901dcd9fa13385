// UI layer: one embedded server + one code-server for the run; mocha runs the playwright tests
// (out/test/ui/**/*.test.js, or the files given as arguments) in this process.
//   node out/test/harness/runUi.js [out/test/ui/smoke.test.js …]
// OPENHANDS_TEST_GREP filters tests; OPENHANDS_TEST_SUMMARY receives the JSON counts.
import * as path from 'node:path';
import { registerCleanup, runMain } from './lifecycle';
import { Mocha } from './mocha';
import { testResultsDir } from './paths';
import { SummaryReporter } from './summaryReporter';
import { closeUiEnvironment, startUiEnvironment } from './uiEnvironment';
import { findTests } from './findTests';

async function main(): Promise<number> {
  const started = Date.now();
  const files = process.argv.length > 2 ? process.argv.slice(2).map((f) => path.resolve(f)) : findTests(path.join(__dirname, '..', 'ui'));
  if (files.length === 0) {
    console.error('no UI tests found (out/test/ui/**/*.test.js): run `npm run build:tests` first');
    return 1;
  }
  registerCleanup(closeUiEnvironment);
  const environment = await startUiEnvironment();
  console.log(`UI environment ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, slow: 5_000, reporter: SummaryReporter });
  const grep = process.env.OPENHANDS_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of files) mocha.addFile(file);
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) {
    console.error(`code-server log: ${environment.codeServer.logFile}`);
    console.error(`extension host logs: ${environment.codeServer.saveLogs(path.join(testResultsDir, 'logs-ui'))}`);
  }
  console.log(`UI layer finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failures > 0 ? 1 : 0;
}

runMain(main);
