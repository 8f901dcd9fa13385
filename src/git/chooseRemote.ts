// Picks the remote whose repository the agent should work on, or says why it cannot.
// Pure: the UI asks the user only when this returns `ambiguous`.
import { sameRepository, type RemoteRepository } from './remoteUrl';

/** The least a remote needs for choosing; `GitRemote` from `repositoryInfo` fits. */
export interface ChoosableRemote {
  readonly name: string;
  /** Absent when the URL is not a recognisable hosted repository. */
  readonly repository?: RemoteRepository;
}

/** A remote whose URL parsed. */
export type ParsedRemote<R extends ChoosableRemote = ChoosableRemote> = R & { readonly repository: RemoteRepository };

export type ChosenRemoteReason =
  /** The remote the user picked earlier for this folder. */
  | 'remembered'
  /** The remote the current branch tracks. */
  | 'upstream'
  | 'origin'
  /** Every parsable remote points at one repository. */
  | 'onlyRepository';

export type RemoteChoice<R extends ChoosableRemote = ChoosableRemote> =
  | { readonly kind: 'chosen'; readonly remote: ParsedRemote<R>; readonly reason: ChosenRemoteReason }
  /** One candidate per distinct repository, in the order the remotes were given. */
  | { readonly kind: 'ambiguous'; readonly candidates: readonly ParsedRemote<R>[] }
  | { readonly kind: 'none'; readonly reason: 'noRemotes' | 'noParsableRemote' };

/**
 * @param upstreamRemote the remote the current branch tracks, if any.
 * @param remembered the remote name the user picked earlier; ignored once it is gone or unparsable.
 */
export function chooseRemote<R extends ChoosableRemote>(
  remotes: readonly R[],
  upstreamRemote?: string,
  remembered?: string,
): RemoteChoice<R> {
  if (remotes.length === 0) {
    return { kind: 'none', reason: 'noRemotes' };
  }
  const parsable = remotes.filter(isParsed);
  if (parsable.length === 0) {
    return { kind: 'none', reason: 'noParsableRemote' };
  }
  const preferences: readonly [string | undefined, ChosenRemoteReason][] = [
    [remembered, 'remembered'],
    [upstreamRemote, 'upstream'],
    ['origin', 'origin'],
  ];
  for (const [name, reason] of preferences) {
    const remote = name === undefined ? undefined : parsable.find((candidate) => candidate.name === name);
    if (remote) {
      return { kind: 'chosen', remote, reason };
    }
  }
  // `github` and `gh-ssh` pointing at one repository leave nothing to ask about.
  const distinct = parsable.filter(
    (remote, index) => parsable.findIndex((other) => sameRepository(other.repository, remote.repository)) === index,
  );
  if (distinct.length === 1) {
    return { kind: 'chosen', remote: distinct[0]!, reason: 'onlyRepository' };
  }
  return { kind: 'ambiguous', candidates: distinct };
}

function isParsed<R extends ChoosableRemote>(remote: R): remote is ParsedRemote<R> {
  return remote.repository !== undefined;
}
