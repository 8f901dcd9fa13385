// Runs git through simple-git: argument arrays passed straight to the process (never a
// shell), a hard timeout, and errors the caller can tell apart.
import { GitError, GitPluginError, simpleGit, type SimpleGit } from 'simple-git';

export interface GitRunOptions {
  /** The git executable (VS Code's `git.path`); `git` from PATH by default. */
  readonly gitPath?: string;
  /** A git process is killed after this long without output; default 10 s (a hung network drive). */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
}

/** The git executable could not be started. */
export class GitNotFoundError extends Error {
  override readonly name = 'GitNotFoundError';
}

/** git ran and failed; `message` is git's own (possibly translated) error text. */
export class GitCommandError extends Error {
  override readonly name: string = 'GitCommandError';
  constructor(
    message: string,
    /** The git sub-command, e.g. `rev-parse`; never arguments, which may hold paths. */
    readonly command: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * git refuses to work in a repository owned by another user until it is listed in
 * `safe.directory` (common on shared drives, WSL and containers): worth its own message.
 */
export class GitUnsafeRepositoryError extends GitCommandError {
  override readonly name = 'GitUnsafeRepositoryError';
}

const DEFAULT_TIMEOUT_MS = 10_000;

export function createGit(folder: string, options: GitRunOptions = {}): SimpleGit {
  return simpleGit({
    baseDir: folder,
    binary: options.gitPath || 'git',
    timeout: { block: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    ...(options.signal && { abort: options.signal }),
    // A repository's own config can name an fsmonitor program that `git status` would start;
    // a folder the user merely opened must not run code because we looked at it.
    config: ['core.fsmonitor=false'],
    allowConfig: ['core.fsmonitor'],
    // simple-git drops every inherited GIT_* variable. These only choose which config files
    // git reads; honouring them keeps our remotes identical to the user's terminal (and lets
    // tests isolate themselves from the machine's config).
    allowEnvironment: ['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_NOSYSTEM'],
  });
}

/** stdout of `git <args>`; rejects with one of the errors above. */
export async function runGit(git: SimpleGit, args: readonly string[]): Promise<string> {
  try {
    return await git.raw([...args]);
  } catch (error) {
    throw translateError(error, args[0] ?? '');
  }
}

function translateError(error: unknown, command: string): unknown {
  // Timeouts and aborts (GitPluginError) stay as they are: git itself did not fail.
  if (!(error instanceof GitError) || error instanceof GitPluginError) {
    return error;
  }
  // Node's spawn error text is not translated, unlike git's messages.
  if (/\bspawn\b[^]*\bENOENT\b/.test(error.message)) {
    return new GitNotFoundError('git was not found; install git or set its path', { cause: error });
  }
  const message = error.message.trim();
  // `safe.directory` is part of the suggested command, so it survives translation.
  if (/safe\.directory/.test(message)) {
    return new GitUnsafeRepositoryError(message, command, { cause: error });
  }
  return new GitCommandError(message, command, { cause: error });
}
