// Relating an editor's file to the repository: its repository-relative path (what the
// agent will see) and whether the user has changes to it that the agent will not see.
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { createGit, runGit, type GitRunOptions } from './gitRunner';

/**
 * `absFile` relative to `root` with `/` separators (`.` for the root itself), or
 * `undefined` when it lies outside. Windows paths compare case-insensitively: git prints
 * `C:/repo` where VS Code has `c:\repo`.
 */
export function relativePath(root: string, absFile: string): string | undefined {
  const paths = isWindowsPath(root) || isWindowsPath(absFile) ? path.win32 : path.posix;
  const relative = paths.relative(root, absFile);
  if (relative === '') {
    return '.';
  }
  if (relative === '..' || relative.startsWith(`..${paths.sep}`) || paths.isAbsolute(relative)) {
    return undefined;
  }
  return relative.split(paths.sep).join('/');
}

function isWindowsPath(value: string): boolean {
  return /^[a-z]:[\\/]/i.test(value) || value.startsWith('\\\\');
}

/**
 * Whether `file` is staged, modified, deleted or untracked in the repository at `root`.
 * Ignored files and files outside the repository have no uncommitted changes. Rejects with
 * `GitCommandError` when git fails (a file inside a submodule, say). One git process.
 */
export async function hasUncommittedChanges(root: string, file: string, options?: GitRunOptions): Promise<boolean> {
  const relative = relativePath(root, file) ?? (await resolvedRelativePath(root, file));
  if (relative === undefined) {
    return false;
  }
  const output = await runGit(createGit(root, options), [
    // Reading status must not take index.lock from under the user's own git commands.
    '--no-optional-locks',
    'status',
    '--porcelain',
    '-z',
    '--untracked-files=all',
    '--',
    // `:(literal)` keeps `*`, `?` and `[` in file names from acting as wildcards.
    `:(literal)${relative}`,
  ]);
  return output.length > 0;
}

/** git resolves symlinks in `root`; the editor's path may go through one (macOS `/tmp`). */
async function resolvedRelativePath(root: string, file: string): Promise<string | undefined> {
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    return relativePath(realRoot, realFile);
  } catch {
    return undefined;
  }
}
