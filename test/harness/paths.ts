// Where things live, resolved from the compiled location (out/test/harness/*.js) so the
// harness works the same from any cwd (npm scripts, F5, a CI clone in /tmp).
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: out/test/harness → three levels up. */
export const repoRoot: string = path.resolve(__dirname, '..', '..', '..');

/** Logs, screenshots and summaries that CI keeps when a run fails. */
export const testResultsDir: string = path.join(repoRoot, 'test-results');

/** Throwaway and persistent code-server run folders (git-ignored). */
export const vscodeTestDir: string = path.join(repoRoot, '.vscode-test');

/**
 * The extension folder the workbench loads as a development extension. Overridable so the
 * harness itself can be exercised with a stand-in extension before the real one exists.
 */
export function extensionDevelopmentPath(): string {
  return path.resolve(process.env.OPENHANDS_EXTENSION_PATH ?? repoRoot);
}

export function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** A file name safe for any file system, from a test title or a label. */
export function safeFileName(label: string): string {
  return label.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'unnamed';
}
