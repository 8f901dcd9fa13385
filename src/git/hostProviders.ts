// Which OpenHands `git_provider` a remote host belongs to, and which host name identifies
// it. Well-known SaaS hosts are built in; everything else (GitHub Enterprise, self-hosted
// GitLab, Forgejo/Gitea, Bitbucket Data Center) comes from the user's host → provider map.
import type { GitProvider } from '../api/openHandsApi';

/** A Record (not an array) so adding a provider to the union fails to compile until it is listed here. */
const KNOWN_PROVIDERS: Readonly<Record<GitProvider, true>> = {
  github: true,
  gitlab: true,
  bitbucket: true,
  bitbucket_data_center: true,
  forgejo: true,
  azure_devops: true,
  enterprise_sso: true,
};

/** Narrows untrusted input (the map comes from a JSON user setting) to a provider value. */
export function isGitProvider(value: unknown): value is GitProvider {
  return typeof value === 'string' && Object.hasOwn(KNOWN_PROVIDERS, value);
}

interface WellKnownHost {
  /** The host users and the server know the service by (SSH endpoints often differ). */
  readonly canonical: string;
  readonly provider: GitProvider;
}

const WELL_KNOWN: ReadonlyMap<string, WellKnownHost> = new Map<string, WellKnownHost>([
  ['github.com', { canonical: 'github.com', provider: 'github' }],
  ['www.github.com', { canonical: 'github.com', provider: 'github' }],
  // SSH over port 443 for users behind firewalls.
  ['ssh.github.com', { canonical: 'github.com', provider: 'github' }],
  ['gitlab.com', { canonical: 'gitlab.com', provider: 'gitlab' }],
  ['www.gitlab.com', { canonical: 'gitlab.com', provider: 'gitlab' }],
  ['altssh.gitlab.com', { canonical: 'gitlab.com', provider: 'gitlab' }],
  ['bitbucket.org', { canonical: 'bitbucket.org', provider: 'bitbucket' }],
  ['www.bitbucket.org', { canonical: 'bitbucket.org', provider: 'bitbucket' }],
  ['altssh.bitbucket.org', { canonical: 'bitbucket.org', provider: 'bitbucket' }],
  // The OpenHands Forgejo integration defaults to Codeberg when no base URL is configured.
  ['codeberg.org', { canonical: 'codeberg.org', provider: 'forgejo' }],
  ['dev.azure.com', { canonical: 'dev.azure.com', provider: 'azure_devops' }],
  ['ssh.dev.azure.com', { canonical: 'dev.azure.com', provider: 'azure_devops' }],
  ['vs-ssh.visualstudio.com', { canonical: 'dev.azure.com', provider: 'azure_devops' }],
]);

const AZURE = { canonical: 'dev.azure.com', provider: 'azure_devops' } as const;

function wellKnown(host: string): WellKnownHost | undefined {
  // Legacy Azure DevOps organisations live at `<org>.visualstudio.com`.
  return WELL_KNOWN.get(host) ?? (host.endsWith('.visualstudio.com') ? AZURE : undefined);
}

/** `host` with well-known SSH/www aliases folded, so two URLs of one repository compare equal. */
export function canonicalHost(host: string): string {
  return wellKnown(host)?.canonical ?? host;
}

/**
 * Reduces a user-written key (`GHE.corp.com`, `https://ghe.corp.com:8443/`) to the bare
 * lower-case host the parser compares against; users paste URLs into settings.
 */
export function normalizeHostKey(key: string): string {
  let host = key.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.replace(/[/?#].*$/, '');
  host = host.slice(host.lastIndexOf('@') + 1);
  host = host.startsWith('[') ? host.replace(/^\[([^\]]*)\].*$/, '$1') : host.replace(/:\d*$/, '');
  return host.replace(/\.$/, '');
}

/**
 * The provider for `host` (already lower-case, no port). The user's map wins over the
 * built-in table, so a user can correct us; values that are not providers are ignored.
 */
export function providerForHost(
  host: string,
  hostProviders?: Readonly<Record<string, GitProvider>>,
): GitProvider | undefined {
  if (hostProviders) {
    const overrides = new Map<string, GitProvider>();
    for (const [key, value] of Object.entries(hostProviders)) {
      if (isGitProvider(value)) {
        overrides.set(normalizeHostKey(key), value);
      }
    }
    // The exact host first: a user may map `ssh.ghe.corp` and `ghe.corp` differently.
    const override = overrides.get(host) ?? overrides.get(canonicalHost(host));
    if (override) {
      return override;
    }
  }
  return wellKnown(host)?.provider;
}
