// In-host entry (extensionTestsPath): VS Code calls run() inside the extension host once the
// workbench is up. Output goes through console.log, which the workbench forwards to the
// runner via window.codeAutomationLog.
import { Mocha } from '../harness/mocha';
import { SummaryReporter } from '../harness/summaryReporter';
import { findTests } from '../harness/findTests';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20_000, reporter: SummaryReporter });
  const grep = process.env.OPENHANDS_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const file of findTests(__dirname)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
