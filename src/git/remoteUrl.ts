// Recognises which hosted repository a git remote URL points at, in every form users
// have in their configs, without ever keeping the credentials some of them embed.
import type { GitProvider } from '../api/openHandsApi';
import { canonicalHost, providerForHost } from './hostProviders';
import { pathSegments, repositoryPath } from './repositoryPath';
import { isSshLike, splitRemoteUrl, type UrlParts } from './urlSyntax';

export interface RemoteRepository {
  /**
   * Lower-case, without port. Well-known SSH/www aliases are folded into the service's
   * host (`ssh.dev.azure.com` → `dev.azure.com`, `ssh.github.com` → `github.com`).
   */
  readonly host: string;
  /** `owner/repo`, `group/sub/repo` or `org/project/repo`; no `.git`, percent-decoded. */
  readonly path: string;
  /** Absent for hosts that are neither well known nor in the user's host map. */
  readonly provider?: GitProvider;
  /** The URL as written minus any password or token: safe to show and to log. */
  readonly displayUrl: string;
}

/**
 * The repository a remote URL points at, or `undefined` for local paths, `file://`,
 * helper transports (`ext::…`), unsupported schemes and anything malformed.
 *
 * @param hostProviders user setting mapping host → provider; wins over the built-in table.
 */
export function parseRemoteUrl(
  url: string,
  hostProviders?: Readonly<Record<string, GitProvider>>,
): RemoteRepository | undefined {
  const parts = splitRemoteUrl(url);
  const segments = parts && pathSegments(parts.path);
  if (!parts || !segments) {
    return undefined;
  }
  const provider = providerForHost(parts.host, hostProviders);
  const path = repositoryPath(parts.host, provider, segments);
  if (path === undefined) {
    return undefined;
  }
  const repository = { host: canonicalHost(parts.host), path, displayUrl: displayUrl(parts) };
  return provider === undefined ? repository : { ...repository, provider };
}

/**
 * Whether two parsed remotes name the same repository (an `https` and an `ssh` remote of
 * one repository, say). Paths compare case-insensitively, as every hosting service does.
 */
export function sameRepository(a: RemoteRepository, b: RemoteRepository): boolean {
  return a.host === b.host && a.path.toLowerCase() === b.path.toLowerCase();
}

function displayUrl(parts: UrlParts): string {
  // Over HTTP the user name is frequently the token itself (`https://<token>@github.com/…`),
  // so only SSH addresses keep theirs: there it is a login such as `git`.
  const user = parts.user !== undefined && isSshLike(parts) ? `${parts.user}@` : '';
  const host = parts.host.includes(':') ? `[${parts.host}]` : parts.host;
  if (parts.form === 'scp') {
    return `${user}${host}:${parts.path}`;
  }
  const port = parts.port === undefined ? '' : `:${parts.port}`;
  return `${parts.scheme ?? 'https'}://${user}${host}${port}${parts.path}`;
}
