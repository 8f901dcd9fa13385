// Parsers for the plumbing output `inspectRepository` asks git for. Kept apart from the
// process handling so the formats can be tested without a repository.

export interface RemoteEntry {
  readonly name: string;
  readonly url: string;
}

/**
 * `git remote -v` prints `name<TAB>url (fetch)` / `(push)` lines with `insteadOf`
 * rewriting already applied, which `git config` would not do. Keeps the fetch URL.
 */
export function parseRemoteList(output: string): RemoteEntry[] {
  const remotes = new Map<string, RemoteEntry>();
  for (const line of output.split('\n')) {
    const match = /^([^\t]+)\t(.+) \(fetch\)$/.exec(line.replace(/\r$/, ''));
    if (match && !remotes.has(match[1]!)) {
      remotes.set(match[1]!, { name: match[1]!, url: match[2]! });
    }
  }
  return [...remotes.values()];
}

/** One `for-each-ref` record, fields as named in `REF_FORMAT`. */
export interface RefRecord {
  readonly refName: string;
  readonly sha: string;
  /** `refs/remotes/origin/main`; empty when there is no upstream. */
  readonly upstreamRef: string;
  /** Remote name of the upstream; `.` for a local branch, a URL for ad-hoc pulls. */
  readonly upstreamRemote: string;
  /** `refs/heads/main` as named on the remote. */
  readonly upstreamMergeRef: string;
  /** `[ahead 1, behind 2]`, `[gone]` or empty; for-each-ref never translates it. */
  readonly track: string;
}

// NUL separators: ref names cannot contain NUL or newline, so records split safely.
export const REF_FORMAT = [
  '%(refname)',
  '%(objectname)',
  '%(upstream)',
  '%(upstream:remotename)',
  '%(upstream:remoteref)',
  '%(upstream:track)',
].join('%00');

/** Records keyed by full ref name. */
export function parseRefRecords(output: string): Map<string, RefRecord> {
  const records = new Map<string, RefRecord>();
  for (const line of output.split('\n')) {
    const [refName = '', sha = '', upstreamRef = '', upstreamRemote = '', upstreamMergeRef = '', track = ''] =
      line.split('\0');
    if (refName !== '') {
      records.set(refName, { refName, sha, upstreamRef, upstreamRemote, upstreamMergeRef, track });
    }
  }
  return records;
}

/** Commits ahead per a track string; `undefined` when the upstream ref is gone. */
export function aheadOf(track: string): number | undefined {
  if (track === '[gone]') {
    return undefined;
  }
  const ahead = /\bahead (\d+)/.exec(track);
  return ahead ? Number(ahead[1]) : 0;
}
