// Reads what the extension needs to know about a working folder's repository with as few
// git processes as possible (this runs when the user starts a task): normally three —
// `rev-parse` and `remote -v` in parallel, then one `for-each-ref`. Nothing is fetched,
// and nothing read from a remote or a config reaches a shell.
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { SimpleGit } from 'simple-git';
import type { GitProvider } from '../api/openHandsApi';
import { aheadOf, parseRefRecords, parseRemoteList, REF_FORMAT, type RefRecord } from './gitOutput';
import { createGit, GitCommandError, runGit, type GitRunOptions } from './gitRunner';
import { parseRemoteUrl } from './remoteUrl';
import type { GitRemote, RemoteBranch, RepositoryInfo, UpstreamBranch } from './repositoryInfo';

export { GitCommandError, GitNotFoundError, GitUnsafeRepositoryError, type GitRunOptions } from './gitRunner';
export type { GitRemote, RemoteBranch, RepositoryInfo, UpstreamBranch } from './repositoryInfo';
export { hasUncommittedChanges, relativePath } from './workingTree';

export interface InspectOptions extends GitRunOptions {
  /** The user's host → provider setting, passed on to `parseRemoteUrl`. */
  readonly hostProviders?: Readonly<Record<string, GitProvider>>;
}

interface Head {
  readonly root: string;
  readonly branch?: string;
  readonly headSha?: string;
}

/**
 * The repository `folder` (or any of its ancestors) belongs to; `undefined` when it is not
 * in a git repository or does not exist. Throws `GitNotFoundError` when git cannot be
 * started, `GitUnsafeRepositoryError` when git refuses the repository (`safe.directory`)
 * and `GitCommandError` when git fails otherwise.
 */
export async function inspectRepository(folder: string, options: InspectOptions = {}): Promise<RepositoryInfo | undefined> {
  if (!(await isDirectory(folder))) {
    return undefined;
  }
  const git = createGit(folder, options);
  // Both start at once; a folder that is not a repository fails both, which costs nothing.
  const [head, remoteList] = await Promise.allSettled([readHead(git, folder), runGit(git, ['remote', '-v'])]);
  if (head.status === 'rejected') {
    throw head.reason;
  }
  if (head.value === undefined) {
    return undefined;
  }
  if (remoteList.status === 'rejected') {
    throw remoteList.reason;
  }
  const { root, branch, headSha } = head.value;
  const remotes = parseRemoteList(remoteList.value).map(({ name, url }) => {
    const repository = parseRemoteUrl(url, options.hostProviders);
    return repository === undefined ? { name, url } : { name, url, repository };
  });
  const refs =
    branch === undefined || headSha === undefined
      ? new Map<string, RefRecord>()
      : parseRefRecords(
          await runGit(git, ['for-each-ref', `--format=${REF_FORMAT}`, `refs/heads/${branch}`, `refs/remotes/*/${branch}`]),
        );
  const local = branch === undefined ? undefined : refs.get(`refs/heads/${branch}`);
  const upstream = trackedUpstream(local, remotes);
  const withBranches: GitRemote[] = await Promise.all(
    remotes.map(async (remote) => {
      const onRemote =
        branch === undefined || headSha === undefined
          ? undefined
          : await remoteBranch(git, remote.name, branch, headSha, local, upstream, refs);
      return onRemote === undefined ? remote : { ...remote, branch: onRemote };
    }),
  );
  const comparedRemote =
    upstream?.remote ??
    (remotes.some((remote) => remote.name === 'origin') ? 'origin' : remotes.length === 1 ? remotes[0]!.name : undefined);
  const compared = withBranches.find((remote) => remote.name === comparedRemote);
  return {
    root,
    remotes: withBranches,
    ...(branch !== undefined && { branch }),
    ...(headSha !== undefined && { headSha }),
    ...(upstream !== undefined && { upstream }),
    ...(comparedRemote !== undefined && { comparedRemote }),
    branchOnRemote: branch === undefined || compared === undefined ? undefined : compared.branch !== undefined,
    unpushedCommits: compared?.branch?.unpushedCommits ?? 0,
  };
}

/** `undefined` when `folder` is not inside a working tree. */
async function readHead(git: SimpleGit, folder: string): Promise<Head | undefined> {
  try {
    const [root = '', headSha, symbolic] = lines(
      await runGit(git, ['rev-parse', '--show-toplevel', 'HEAD', '--symbolic-full-name', 'HEAD']),
    );
    return { root, ...(headSha && { headSha }), ...branchOf(symbolic) };
  } catch (error) {
    if (!(error instanceof GitCommandError)) {
      throw error;
    }
    // git's "not a git repository" is translated in many locales; a missing `.git` is not.
    if (!(await hasGitEntryAbove(folder))) {
      return undefined;
    }
    return readUnbornHead(git, error);
  }
}

/** A freshly initialised repository has no HEAD commit, so the combined `rev-parse` fails. */
async function readUnbornHead(git: SimpleGit, original: GitCommandError): Promise<Head> {
  const [toplevel, symbolic] = await Promise.allSettled([
    runGit(git, ['rev-parse', '--show-toplevel']),
    runGit(git, ['symbolic-ref', '--quiet', 'HEAD']),
  ]);
  if (toplevel.status === 'rejected' || symbolic.status === 'rejected') {
    throw original;
  }
  return { root: lines(toplevel.value)[0] ?? '', ...branchOf(lines(symbolic.value)[0]) };
}

function branchOf(symbolicRef: string | undefined): { branch?: string } {
  return symbolicRef?.startsWith('refs/heads/') ? { branch: symbolicRef.slice('refs/heads/'.length) } : {};
}

/** The upstream, when the branch tracks a branch of a configured remote (not `.`, not a URL). */
function trackedUpstream(local: RefRecord | undefined, remotes: readonly { name: string }[]): UpstreamBranch | undefined {
  if (!local?.upstreamMergeRef.startsWith('refs/heads/') || !remotes.some((r) => r.name === local.upstreamRemote)) {
    return undefined;
  }
  return { remote: local.upstreamRemote, branch: local.upstreamMergeRef.slice('refs/heads/'.length) };
}

async function remoteBranch(
  git: SimpleGit,
  remote: string,
  branch: string,
  headSha: string,
  local: RefRecord | undefined,
  upstream: UpstreamBranch | undefined,
  refs: ReadonlyMap<string, RefRecord>,
): Promise<RemoteBranch | undefined> {
  if (upstream?.remote === remote) {
    // for-each-ref already counted against the upstream; `[gone]` means its ref was pruned.
    const ahead = local?.upstreamRef ? aheadOf(local.track) : undefined;
    return ahead === undefined ? undefined : { name: upstream.branch, unpushedCommits: ahead };
  }
  const ref = refs.get(`refs/remotes/${remote}/${branch}`);
  if (ref === undefined) {
    return undefined;
  }
  // Pushed but not tracked (`git push origin feature` without `-u`): one more process,
  // unless the remote-tracking ref is HEAD itself.
  const ahead = ref.sha === headSha ? 0 : Number(lines(await runGit(git, ['rev-list', '--count', `${ref.sha}..HEAD`]))[0]);
  return { name: branch, unpushedCommits: ahead };
}

function lines(output: string): string[] {
  return output.split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line !== '');
}

async function isDirectory(folder: string): Promise<boolean> {
  try {
    return (await stat(folder)).isDirectory();
  } catch {
    return false;
  }
}

/** Whether `folder` or an ancestor has a `.git` (directory, or file for worktrees/submodules). */
async function hasGitEntryAbove(folder: string): Promise<boolean> {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    try {
      await stat(path.join(dir, '.git'));
      return true;
    } catch {
      // keep climbing
    }
    if (path.dirname(dir) === dir) {
      return false;
    }
  }
}
