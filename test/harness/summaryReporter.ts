// Spec output for people, plus a JSON summary for scripts/test.js, which must add up counts
// over layers that run in different processes (mocha CLI, the extension host, the UI runner).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as MochaTypes from 'mocha';
import { Mocha } from './mocha';

/** Where the summary goes; scripts/test.js sets one per layer. */
export const SUMMARY_ENV = 'OPENHANDS_TEST_SUMMARY';

export interface TestSummary {
  readonly passes: number;
  readonly failures: number;
  readonly pending: number;
  readonly durationMs: number;
  readonly failed: readonly { readonly title: string; readonly error: string }[];
}

export class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: MochaTypes.Runner, options?: MochaTypes.MochaOptions) {
    super(runner, options);
    const failed: { title: string; error: string }[] = [];
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, err: Error) => {
      failed.push({ title: test.fullTitle(), error: String(err?.message ?? err).split('\n')[0] ?? '' });
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const stats = runner.stats;
      writeSummary({
        passes: stats?.passes ?? 0,
        failures: stats?.failures ?? failed.length,
        pending: stats?.pending ?? 0,
        durationMs: stats?.duration ?? 0,
        failed,
      });
    });
  }
}

export function writeSummary(summary: TestSummary, file = process.env[SUMMARY_ENV]): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(summary, null, 2));
}
