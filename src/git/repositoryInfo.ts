// What `inspectRepository` learns about a working folder. Types only, so the pure
// decision modules can use them without loading simple-git.
import type { RemoteRepository } from './remoteUrl';

/** The current branch as one remote has it, per the local remote-tracking ref (no fetch). */
export interface RemoteBranch {
  /** The branch name on the remote; differs from the local name when tracking e.g. `origin/feature-x`. */
  readonly name: string;
  /** Commits on HEAD that the remote-tracking ref does not have. */
  readonly unpushedCommits: number;
}

export interface GitRemote {
  readonly name: string;
  /**
   * The fetch URL as git uses it (`url.<base>.insteadOf` applied). It may embed a token:
   * show and log `repository.displayUrl` instead.
   */
  readonly url: string;
  /** Absent when the URL is not a recognisable hosted repository (a local path, say). */
  readonly repository?: RemoteRepository;
  /**
   * The current branch on this remote; absent when its remote-tracking ref does not exist
   * or HEAD is detached or unborn. For the tracked remote this is the upstream branch,
   * whatever its name; for the others, the branch of the same name.
   */
  readonly branch?: RemoteBranch;
}

export interface UpstreamBranch {
  readonly remote: string;
  readonly branch: string;
}

export interface RepositoryInfo {
  /** The working tree's top-level folder, as git prints it (symlinks resolved, `/` separators). */
  readonly root: string;
  /** Sorted by name, as `git remote` lists them. */
  readonly remotes: readonly GitRemote[];
  /** Absent when HEAD is detached. */
  readonly branch?: string;
  /** Absent on an unborn branch (no commit yet). */
  readonly headSha?: string;
  /** What the current branch tracks, when that is a configured remote. */
  readonly upstream?: UpstreamBranch;
  /**
   * The remote `branchOnRemote` and `unpushedCommits` describe: the tracked remote, else
   * `origin`, else the only remote. The per-remote `GitRemote.branch` covers the others.
   */
  readonly comparedRemote?: string;
  /** Whether `comparedRemote` has the branch; `undefined` when detached or there is no such remote. */
  readonly branchOnRemote: boolean | undefined;
  /** Commits `comparedRemote` lacks; 0 when it lacks the whole branch (see `branchOnRemote`). */
  readonly unpushedCommits: number;
}
