// Where the benchmark reads and writes, resolved from its compiled place (out/bench/*.js).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
/** Scratch space (git-ignored): generated extensions, unpacked .vsix, browser profiles. */
export const benchTmp = path.join(repoRoot, 'bench', 'tmp');
export const resultsFile = path.join(repoRoot, 'bench', 'results.md');

export function freshDir(name: string): string {
  const dir = path.join(benchTmp, name);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs a command in the repository; throws with its output when it fails. */
export function run(command: string, args: readonly string[]): string {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status}\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}
