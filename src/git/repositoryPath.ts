// Turns the path of a remote URL into the repository name OpenHands expects:
// `owner/repo`, `group/sub/repo` (GitLab), `PROJECT/repo` (Bitbucket Data Center) or
// `org/project/repo` (Azure DevOps, which the server splits into exactly three parts).
import type { GitProvider } from '../api/openHandsApi';

// Characters no hosting service allows in a path segment. `:` and `@` matter most: they
// turn up when a malformed URL leaks its user info into the path, which must not be sent.
const FORBIDDEN_IN_SEGMENT = /[/\\:@\u0000-\u001f\u007f]/u;

/** Segment counts the server insists on; other providers nest freely (GitLab subgroups). */
const EXACT_DEPTH: Partial<Record<GitProvider, number>> = { github: 2, bitbucket: 2, azure_devops: 3 };

/**
 * The decoded, non-empty segments of a URL path, with a trailing `.git` removed from the
 * last one; `undefined` when a segment is `.`/`..`, malformed or contains a forbidden
 * character. Empty segments (`//`, trailing `/`) are dropped as git servers do.
 */
export function pathSegments(rawPath: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') {
      continue;
    }
    let segment: string;
    try {
      // Azure DevOps project and repository names may contain encoded spaces (`My%20Project`).
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || segment.trim() !== segment || FORBIDDEN_IN_SEGMENT.test(segment)) {
      return undefined;
    }
    segments.push(segment);
  }
  const last = segments.pop()?.replace(/\.git$/i, '');
  if (!last) {
    return undefined;
  }
  segments.push(last);
  return segments;
}

/** The repository name for `segments` on `host` (lower-case, as written in the URL). */
export function repositoryPath(
  host: string,
  provider: GitProvider | undefined,
  segments: readonly string[],
): string | undefined {
  const parts = isAzureHost(host) ? azureParts(host, segments) : genericParts(provider, segments);
  const expected = provider === undefined ? undefined : EXACT_DEPTH[provider];
  if (!parts || parts.length < 2 || (expected !== undefined && parts.length !== expected)) {
    return undefined;
  }
  return parts.join('/');
}

function isAzureHost(host: string): boolean {
  return host === 'dev.azure.com' || host === 'ssh.dev.azure.com' || host.endsWith('.visualstudio.com');
}

function azureParts(host: string, segments: readonly string[]): readonly string[] | undefined {
  if (host === 'ssh.dev.azure.com' || host === 'vs-ssh.visualstudio.com') {
    // git@ssh.dev.azure.com:v3/org/project/repo
    return segments.length === 4 && segments[0] === 'v3' ? segments.slice(1) : undefined;
  }
  let organization: string | undefined;
  let rest: readonly string[];
  if (host === 'dev.azure.com') {
    [organization, ...rest] = segments;
  } else {
    organization = host.slice(0, -'.visualstudio.com'.length);
    // `DefaultCollection` is how pre-2018 visualstudio.com URLs name the organisation's collection.
    rest = segments[0]?.toLowerCase() === 'defaultcollection' ? segments.slice(1) : segments;
  }
  if (!organization) {
    return undefined;
  }
  if (rest.length === 3 && rest[1] === '_git') {
    return [organization, rest[0]!, rest[2]!];
  }
  // `…/_git/name` is the default repository of project `name`, which shares its name.
  if (rest.length === 2 && rest[0] === '_git') {
    return [organization, rest[1]!, rest[1]!];
  }
  return undefined;
}

function genericParts(provider: GitProvider | undefined, segments: readonly string[]): readonly string[] {
  // Bitbucket Data Center serves HTTP clones under `/scm/PROJECT/repo`, possibly behind a
  // context path (`/bitbucket/scm/…`). Only trusted where no other provider is known.
  const scm = segments.length - 3;
  if ((provider === undefined || provider === 'bitbucket_data_center') && scm >= 0 && segments[scm]!.toLowerCase() === 'scm') {
    return segments.slice(scm + 1);
  }
  // Azure DevOps Server (on premises): `…/collection/project/_git/repo`.
  if (segments.length >= 3 && segments[segments.length - 2] === '_git') {
    return [...segments.slice(0, -2), segments[segments.length - 1]!];
  }
  return segments;
}
