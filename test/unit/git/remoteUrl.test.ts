import * as assert from 'node:assert/strict';
import type { GitProvider } from '../../../src/api/openHandsApi';
import { parseRemoteUrl, sameRepository } from '../../../src/git/remoteUrl';

type Expected = readonly [host: string, path: string, provider: GitProvider | undefined];

// Every form found in real configs; expected [host, path, provider].
const ACCEPTED: readonly (readonly [string, Expected])[] = [
  // GitHub
  ['https://github.com/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['https://github.com/owner/repo', ['github.com', 'owner/repo', 'github']],
  ['https://github.com/owner/repo/', ['github.com', 'owner/repo', 'github']],
  ['https://github.com/owner/repo.git/', ['github.com', 'owner/repo', 'github']],
  ['https://GitHub.COM/Owner/Repo.git', ['github.com', 'Owner/Repo', 'github']],
  ['https://user@github.com/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['https://user:ghp_token123@github.com/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['https://x-access-token:ghs_abc@github.com/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['https://github.com:443/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['http://github.com/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['HTTPS://github.com/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['https://www.github.com/owner/repo', ['github.com', 'owner/repo', 'github']],
  ['git@github.com:owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['git@github.com:owner/repo', ['github.com', 'owner/repo', 'github']],
  ['git@github.com:/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['github.com:owner/repo', ['github.com', 'owner/repo', 'github']],
  ['ssh://git@github.com/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['ssh://git@ssh.github.com:443/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['git+ssh://git@github.com/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['git://github.com/owner/repo.git', ['github.com', 'owner/repo', 'github']],
  ['https://github.com/owner/repo.git?foo=bar#readme', ['github.com', 'owner/repo', 'github']],
  ['https://github.com/owner/my.dotted.repo.git', ['github.com', 'owner/my.dotted.repo', 'github']],
  // GitLab
  ['https://gitlab.com/group/repo.git', ['gitlab.com', 'group/repo', 'gitlab']],
  ['https://gitlab.com/group/sub/repo.git', ['gitlab.com', 'group/sub/repo', 'gitlab']],
  ['https://oauth2:glpat-xyz@gitlab.com/group/sub/deeper/repo.git', ['gitlab.com', 'group/sub/deeper/repo', 'gitlab']],
  ['git@gitlab.com:group/sub/repo.git', ['gitlab.com', 'group/sub/repo', 'gitlab']],
  ['ssh://git@altssh.gitlab.com:443/group/repo.git', ['gitlab.com', 'group/repo', 'gitlab']],
  // Bitbucket Cloud (its clone URLs carry the user name)
  ['https://alice@bitbucket.org/workspace/repo.git', ['bitbucket.org', 'workspace/repo', 'bitbucket']],
  ['git@bitbucket.org:workspace/repo.git', ['bitbucket.org', 'workspace/repo', 'bitbucket']],
  // Bitbucket Data Center / Server
  ['https://bitbucket.corp.example/scm/PROJ/repo.git', ['bitbucket.corp.example', 'PROJ/repo', undefined]],
  ['https://alice@bitbucket.corp.example/scm/proj/repo.git', ['bitbucket.corp.example', 'proj/repo', undefined]],
  ['https://corp.example/bitbucket/scm/PROJ/repo.git', ['corp.example', 'PROJ/repo', undefined]],
  ['https://bitbucket.corp.example/scm/~alice/repo.git', ['bitbucket.corp.example', '~alice/repo', undefined]],
  ['ssh://git@bitbucket.corp.example:7999/proj/repo.git', ['bitbucket.corp.example', 'proj/repo', undefined]],
  // Azure DevOps
  ['https://dev.azure.com/org/project/_git/repo', ['dev.azure.com', 'org/project/repo', 'azure_devops']],
  ['https://org@dev.azure.com/org/project/_git/repo', ['dev.azure.com', 'org/project/repo', 'azure_devops']],
  ['https://dev.azure.com/org/My%20Project/_git/My%20Repo', ['dev.azure.com', 'org/My Project/My Repo', 'azure_devops']],
  ['https://dev.azure.com/org/_git/project', ['dev.azure.com', 'org/project/project', 'azure_devops']],
  ['git@ssh.dev.azure.com:v3/org/project/repo', ['dev.azure.com', 'org/project/repo', 'azure_devops']],
  ['ssh://git@ssh.dev.azure.com/v3/org/project/repo', ['dev.azure.com', 'org/project/repo', 'azure_devops']],
  ['https://org.visualstudio.com/project/_git/repo', ['dev.azure.com', 'org/project/repo', 'azure_devops']],
  ['https://org.visualstudio.com/DefaultCollection/project/_git/repo', ['dev.azure.com', 'org/project/repo', 'azure_devops']],
  ['org@vs-ssh.visualstudio.com:v3/org/project/repo', ['dev.azure.com', 'org/project/repo', 'azure_devops']],
  // Forgejo (Codeberg is the OpenHands default) and self-hosted services
  ['https://codeberg.org/owner/repo.git', ['codeberg.org', 'owner/repo', 'forgejo']],
  ['https://ghe.corp.example/owner/repo.git', ['ghe.corp.example', 'owner/repo', undefined]],
  ['ssh://git@gitlab.corp.example:2222/group/sub/repo.git', ['gitlab.corp.example', 'group/sub/repo', undefined]],
  ['http://10.0.0.5:3000/owner/repo.git', ['10.0.0.5', 'owner/repo', undefined]],
  ['git@gitea_server:owner/repo.git', ['gitea_server', 'owner/repo', undefined]],
  ['ssh://git@[::1]:2222/owner/repo.git', ['::1', 'owner/repo', undefined]],
  ['git@[fe80::1]:owner/repo.git', ['fe80::1', 'owner/repo', undefined]],
  ['https://tfs.corp.example/tfs/Collection/Project/_git/Repo', ['tfs.corp.example', 'tfs/Collection/Project/Repo', undefined]],
];

const REJECTED: readonly string[] = [
  '',
  ' ',
  '/srv/repo.git',
  '../repo',
  './repo',
  'repo',
  'file:///srv/repo.git',
  'file://host/srv/repo.git',
  'C:\\repos\\x',
  'C:/repos/x',
  '\\\\server\\share\\repo.git',
  'ext::ssh -i key example.com %S owner/repo',
  'fd::17',
  'codecommit::us-east-1://repo',
  'ftp://example.com/owner/repo.git',
  'https://github.com',
  'https://github.com/',
  'https://github.com/owner',
  'git@github.com:',
  'git@github.com:owner',
  'https://github.com/owner/../repo.git',
  'https://example.com/owner/%2e%2e/repo.git',
  'https://example.com/owner/a%2Fb/repo.git',
  'https://github.com/owner/repo\n',
  'https://github.com/own er/repo',
  ' https://github.com/owner/repo',
  'https://github.com/owner/repo\u0000',
  'https://github.com/owner/.git',
  'https://github.com/owner/repo/tree/main',
  'https://dev.azure.com/org/project/repo',
  'ssh://-oProxyCommand=touch%20x/owner/repo',
  'ssh://-oProxyCommand=x@example.com/owner/repo',
  'https://example.com:99999/owner/repo',
  'ssh://git@github.com:owner/repo.git',
  'user:token@github.com:owner/repo.git',
  'https://exa$mple.com/owner/repo',
  'https://example.com/owner/bad%zzescape',
];

describe('parseRemoteUrl', () => {
  describe('recognises every form users have', () => {
    for (const [url, [host, path, provider]] of ACCEPTED) {
      it(url, () => {
        const parsed = parseRemoteUrl(url);
        assert.ok(parsed, `${url} was rejected`);
        assert.deepEqual([parsed.host, parsed.path, parsed.provider], [host, path, provider]);
      });
    }
  });

  describe('rejects what is not a hosted repository', () => {
    for (const url of REJECTED) {
      it(JSON.stringify(url), () => {
        assert.equal(parseRemoteUrl(url), undefined);
      });
    }
  });

  it('covers at least 35 accepted and 10 rejected forms', () => {
    assert.ok(ACCEPTED.length >= 35 && REJECTED.length >= 10);
  });

  describe('displayUrl never keeps credentials', () => {
    const cases: readonly (readonly [string, string, string])[] = [
      ['https://user:ghp_SECRET@github.com/owner/repo.git', 'ghp_SECRET', 'https://github.com/owner/repo.git'],
      ['https://x-access-token:ghs_SECRET@github.com/o/r', 'ghs_SECRET', 'https://github.com/o/r'],
      // GitHub accepts a bare token as the user name.
      ['https://ghp_SECRET@github.com/owner/repo.git', 'ghp_SECRET', 'https://github.com/owner/repo.git'],
      ['https://oauth2:glpat-SECRET@gitlab.com/g/s/r.git', 'glpat-SECRET', 'https://gitlab.com/g/s/r.git'],
      ['https://user:p@ss:SECRET@example.com:8443/o/r.git', 'SECRET', 'https://example.com:8443/o/r.git'],
      ['ssh://git:SECRET@example.com:2222/o/r.git', 'SECRET', 'ssh://git@example.com:2222/o/r.git'],
      ['https://github.com/o/r.git?access_token=SECRET', 'SECRET', 'https://github.com/o/r.git'],
      ['https://pat:SECRET@dev.azure.com/org/p/_git/r', 'SECRET', 'https://dev.azure.com/org/p/_git/r'],
    ];
    for (const [url, secret, display] of cases) {
      it(display, () => {
        const parsed = parseRemoteUrl(url);
        assert.ok(parsed);
        assert.equal(parsed.displayUrl, display);
        assert.ok(!parsed.displayUrl.includes(secret));
        assert.ok(!JSON.stringify(parsed).includes(secret));
      });
    }

    it('keeps the SSH login, which is not a secret, and the original host', () => {
      assert.equal(parseRemoteUrl('git@github.com:owner/repo.git')?.displayUrl, 'git@github.com:owner/repo.git');
      assert.equal(
        parseRemoteUrl('git@ssh.dev.azure.com:v3/org/p/r')?.displayUrl,
        'git@ssh.dev.azure.com:v3/org/p/r',
      );
      assert.equal(parseRemoteUrl('ssh://git@[::1]:22/o/r')?.displayUrl, 'ssh://git@[::1]:22/o/r');
    });
  });

  describe('hostProviders', () => {
    it('assigns providers to self-hosted services', () => {
      const map: Record<string, GitProvider> = {
        'ghe.corp.example': 'github',
        'gitlab.corp.example': 'gitlab',
        'git.corp.example': 'forgejo',
        'bitbucket.corp.example': 'bitbucket_data_center',
      };
      assert.equal(parseRemoteUrl('https://ghe.corp.example/o/r.git', map)?.provider, 'github');
      assert.equal(parseRemoteUrl('git@gitlab.corp.example:g/s/r.git', map)?.provider, 'gitlab');
      assert.equal(parseRemoteUrl('https://git.corp.example/o/r', map)?.provider, 'forgejo');
      const dataCenter = parseRemoteUrl('https://bitbucket.corp.example/scm/PROJ/repo.git', map);
      assert.deepEqual([dataCenter?.path, dataCenter?.provider], ['PROJ/repo', 'bitbucket_data_center']);
    });

    it('overrides the built-in table', () => {
      assert.equal(parseRemoteUrl('https://github.com/o/r', { 'github.com': 'enterprise_sso' })?.provider, 'enterprise_sso');
    });

    it('accepts keys as users paste them: any case, with scheme, port or path', () => {
      for (const key of ['GHE.Corp.Example', 'https://ghe.corp.example/', 'ghe.corp.example:8443', 'https://ghe.corp.example/some/page']) {
        assert.equal(parseRemoteUrl('git@ghe.corp.example:o/r.git', { [key]: 'github' })?.provider, 'github', key);
      }
    });

    it('prefers the exact host over its canonical alias', () => {
      const map: Record<string, GitProvider> = { 'github.com': 'enterprise_sso', 'ssh.github.com': 'github' };
      assert.equal(parseRemoteUrl('ssh://git@ssh.github.com:443/o/r', map)?.provider, 'github');
      assert.equal(parseRemoteUrl('https://github.com/o/r', map)?.provider, 'enterprise_sso');
    });

    it('ignores values that are not providers (the setting is user JSON)', () => {
      const map = { 'ghe.corp.example': 'githubb', 'github.com': 42 } as unknown as Record<string, GitProvider>;
      assert.equal(parseRemoteUrl('https://ghe.corp.example/o/r', map)?.provider, undefined);
      assert.equal(parseRemoteUrl('https://github.com/o/r', map)?.provider, 'github');
    });

    it('applies the provider depth rule: a GitHub Enterprise path has two segments', () => {
      assert.equal(parseRemoteUrl('https://ghe.corp.example/a/b/c', { 'ghe.corp.example': 'github' }), undefined);
      assert.equal(parseRemoteUrl('https://ghe.corp.example/a/b/c')?.path, 'a/b/c');
    });

    it('does not read /scm/ as Bitbucket Data Center on a host mapped to another provider', () => {
      assert.equal(parseRemoteUrl('https://gl.corp.example/scm/group/repo', { 'gl.corp.example': 'gitlab' })?.path, 'scm/group/repo');
    });
  });

  describe('sameRepository', () => {
    it('matches the HTTPS and SSH remotes of one repository, whatever the case', () => {
      const pairs: readonly (readonly [string, string])[] = [
        ['https://github.com/Owner/Repo.git', 'git@github.com:owner/repo'],
        ['https://dev.azure.com/org/p/_git/r', 'git@ssh.dev.azure.com:v3/org/p/r'],
        ['https://org.visualstudio.com/DefaultCollection/p/_git/r', 'https://dev.azure.com/org/p/_git/r'],
        ['ssh://git@ssh.github.com:443/o/r.git', 'https://token@github.com/o/r'],
      ];
      for (const [a, b] of pairs) {
        assert.ok(sameRepository(parseRemoteUrl(a)!, parseRemoteUrl(b)!), `${a} vs ${b}`);
      }
    });

    it('tells forks and other hosts apart', () => {
      const origin = parseRemoteUrl('git@github.com:me/repo.git')!;
      assert.ok(!sameRepository(origin, parseRemoteUrl('git@github.com:upstream/repo.git')!));
      assert.ok(!sameRepository(origin, parseRemoteUrl('git@gitlab.com:me/repo.git')!));
    });
  });
});
