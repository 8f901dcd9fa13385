// Decides which branch to hand to the agent and whether the user should be warned first:
// the agent clones the remote, so local-only commits and branches are invisible to it.
import type { RepositoryInfo } from './repositoryInfo';

export type BranchReadiness =
  /** `branch` is the name on the remote, which is what the agent should check out. */
  | { readonly kind: 'ready'; readonly branch: string }
  /** The remote does not have the (local) branch at all. */
  | { readonly kind: 'unpublished'; readonly branch: string }
  /** The remote has `branch` but lacks `count` local commits. */
  | { readonly kind: 'unpushed'; readonly branch: string; readonly count: number }
  | { readonly kind: 'detached' };

/**
 * @param remote the chosen remote's name (see `chooseRemote`); defaults to
 *   `info.comparedRemote`. Commits the remote has and HEAD lacks do not matter: the agent
 *   then simply sees a newer branch.
 */
export function branchReadiness(
  info: Pick<RepositoryInfo, 'branch' | 'remotes' | 'comparedRemote'>,
  remote: string | undefined = info.comparedRemote,
): BranchReadiness {
  if (info.branch === undefined) {
    return { kind: 'detached' };
  }
  const onRemote = info.remotes.find((candidate) => candidate.name === remote)?.branch;
  if (onRemote === undefined) {
    return { kind: 'unpublished', branch: info.branch };
  }
  if (onRemote.unpushedCommits > 0) {
    return { kind: 'unpushed', branch: onRemote.name, count: onRemote.unpushedCommits };
  }
  return { kind: 'ready', branch: onRemote.name };
}
