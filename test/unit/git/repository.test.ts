import * as assert from 'node:assert/strict';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { branchReadiness } from '../../../src/git/branchReadiness';
import { chooseRemote } from '../../../src/git/chooseRemote';
import { GitNotFoundError, inspectRepository, type RepositoryInfo } from '../../../src/git/repository';
import { GitSandbox } from './gitFixture';

const ME = 'https://github.com/me/repo.git';
const TEAM = 'https://github.com/team/repo.git';

async function inspect(folder: string): Promise<RepositoryInfo> {
  const info = await inspectRepository(folder);
  assert.ok(info, `${folder} was not recognised as a repository`);
  return info;
}

describe('inspectRepository (real git)', function () {
  this.timeout(30_000);
  let box: GitSandbox;

  beforeEach(async () => {
    box = await GitSandbox.create();
    await box.initRepo('seed');
  });

  afterEach(async () => {
    await box.dispose();
  });

  it('reads a clone that is in sync with origin', async () => {
    await box.cloneOfHosted('origin.git', 'clone', ME);
    const info = await inspect(box.path('clone'));
    assert.equal(info.root, box.path('clone'));
    assert.equal(info.branch, 'main');
    assert.equal(info.headSha, await box.git('clone', 'rev-parse', 'HEAD'));
    assert.deepEqual(info.upstream, { remote: 'origin', branch: 'main' });
    assert.equal(info.comparedRemote, 'origin');
    assert.equal(info.branchOnRemote, true);
    assert.equal(info.unpushedCommits, 0);
    assert.equal(info.remotes.length, 1);
    const [origin] = info.remotes;
    assert.equal(origin?.name, 'origin');
    assert.equal(origin?.url, ME);
    assert.deepEqual(origin?.repository, { host: 'github.com', path: 'me/repo', provider: 'github', displayUrl: ME });
    assert.deepEqual(branchReadiness(info), { kind: 'ready', branch: 'main' });
  });

  it('finds the root from a subfolder', async () => {
    await box.cloneOfHosted('origin.git', 'clone', ME);
    await box.write('clone/src/deep/file.ts', 'x');
    const info = await inspect(box.path('clone', 'src', 'deep'));
    assert.equal(info.root, box.path('clone'));
    assert.equal(info.remotes[0]?.repository?.path, 'me/repo');
  });

  it('counts commits not yet pushed to the upstream', async () => {
    await box.cloneOfHosted('origin.git', 'clone', ME);
    await box.commit('clone', 'a.txt', '1');
    await box.commit('clone', 'b.txt', '2');
    const info = await inspect(box.path('clone'));
    assert.equal(info.branchOnRemote, true);
    assert.equal(info.unpushedCommits, 2);
    assert.deepEqual(branchReadiness(info), { kind: 'unpushed', branch: 'main', count: 2 });
    await box.git('clone', 'push', '--quiet');
    assert.deepEqual(branchReadiness(await inspect(box.path('clone'))), { kind: 'ready', branch: 'main' });
  });

  it('reports a branch that was never pushed as unpublished', async () => {
    await box.cloneOfHosted('origin.git', 'clone', ME);
    await box.git('clone', 'switch', '--quiet', '-c', 'topic');
    await box.commit('clone', 'a.txt', '1');
    const info = await inspect(box.path('clone'));
    assert.equal(info.branch, 'topic');
    assert.equal(info.upstream, undefined);
    assert.equal(info.comparedRemote, 'origin');
    assert.equal(info.branchOnRemote, false);
    assert.equal(info.unpushedCommits, 0);
    assert.deepEqual(branchReadiness(info), { kind: 'unpublished', branch: 'topic' });
  });

  it('compares a branch pushed without tracking against the remote branch', async () => {
    await box.cloneOfHosted('origin.git', 'clone', ME);
    await box.git('clone', 'switch', '--quiet', '-c', 'topic');
    await box.commit('clone', 'a.txt', '1');
    await box.git('clone', 'push', '--quiet', 'origin', 'topic');
    await box.commit('clone', 'b.txt', '2');
    const info = await inspect(box.path('clone'));
    assert.equal(info.upstream, undefined);
    assert.equal(info.branchOnRemote, true);
    assert.equal(info.unpushedCommits, 1);
    assert.deepEqual(branchReadiness(info), { kind: 'unpushed', branch: 'topic', count: 1 });
  });

  it('sends the upstream branch name when it differs from the local one', async () => {
    await box.cloneOfHosted('origin.git', 'clone', ME);
    await box.git('clone', 'push', '--quiet', 'origin', 'main:feature-x');
    await box.git('clone', 'switch', '--quiet', '-c', 'fx', '--track', 'origin/feature-x');
    const info = await inspect(box.path('clone'));
    assert.deepEqual(info.upstream, { remote: 'origin', branch: 'feature-x' });
    assert.deepEqual(branchReadiness(info), { kind: 'ready', branch: 'feature-x' });
  });

  it('treats an upstream whose remote-tracking ref is gone as unpublished', async () => {
    await box.cloneOfHosted('origin.git', 'clone', ME);
    await box.git('clone', 'push', '--quiet', 'origin', 'main:old');
    await box.git('clone', 'switch', '--quiet', '-c', 'old', '--track', 'origin/old');
    await box.git('clone', 'update-ref', '-d', 'refs/remotes/origin/old');
    const info = await inspect(box.path('clone'));
    assert.deepEqual(info.upstream, { remote: 'origin', branch: 'old' });
    assert.equal(info.branchOnRemote, false);
    assert.deepEqual(branchReadiness(info), { kind: 'unpublished', branch: 'old' });
  });

  it('reads a fork whose branch tracks upstream, per remote', async () => {
    // team.git is the original; me.git the user's fork, one commit behind.
    await box.cloneOfHosted('team.git', 'clone', TEAM, 'upstream');
    await box.git('.', 'clone', '--quiet', '--bare', box.path('team.git'), box.path('me.git'));
    await box.git('clone', 'remote', 'add', 'origin', box.path('me.git'));
    await box.git('clone', 'fetch', '--quiet', 'origin');
    await box.disguise('clone', 'origin', ME, 'me.git');
    await box.commit('clone', 'a.txt', '1');
    await box.git('clone', 'push', '--quiet', 'upstream', 'main');
    const info = await inspect(box.path('clone'));
    assert.deepEqual(info.upstream, { remote: 'upstream', branch: 'main' });
    assert.equal(info.comparedRemote, 'upstream');
    assert.deepEqual(
      info.remotes.map((remote) => [remote.name, remote.repository?.path, remote.branch]),
      [
        ['origin', 'me/repo', { name: 'main', unpushedCommits: 1 }],
        ['upstream', 'team/repo', { name: 'main', unpushedCommits: 0 }],
      ],
    );
    const choice = chooseRemote(info.remotes, info.upstream?.remote);
    assert.equal(choice.kind === 'chosen' && `${choice.remote.name}/${choice.reason}`, 'upstream/upstream');
    assert.deepEqual(branchReadiness(info, 'origin'), { kind: 'unpushed', branch: 'main', count: 1 });
  });

  it('reports a detached HEAD', async () => {
    await box.cloneOfHosted('origin.git', 'clone', ME);
    await box.git('clone', 'checkout', '--quiet', '--detach');
    const info = await inspect(box.path('clone'));
    assert.equal(info.branch, undefined);
    assert.equal(info.headSha, await box.git('clone', 'rev-parse', 'HEAD'));
    assert.equal(info.upstream, undefined);
    assert.equal(info.branchOnRemote, undefined);
    assert.equal(info.remotes[0]?.branch, undefined);
    assert.deepEqual(branchReadiness(info), { kind: 'detached' });
  });

  it('reads a fresh repository without commits', async () => {
    await box.git('.', 'init', '--quiet', '--initial-branch=trunk', box.path('fresh'));
    await box.git('fresh', 'remote', 'add', 'origin', ME);
    const info = await inspect(box.path('fresh'));
    assert.equal(info.root, box.path('fresh'));
    assert.equal(info.branch, 'trunk');
    assert.equal(info.headSha, undefined);
    assert.equal(info.branchOnRemote, false);
    assert.deepEqual(branchReadiness(info), { kind: 'unpublished', branch: 'trunk' });
  });

  it('returns undefined outside a repository, for a file and for a missing folder', async () => {
    await box.write('plain/file.txt', 'x');
    assert.equal(await inspectRepository(box.path('plain')), undefined);
    assert.equal(await inspectRepository(box.path('plain', 'file.txt')), undefined);
    assert.equal(await inspectRepository(box.path('missing')), undefined);
  });

  it('throws GitNotFoundError when git cannot be started', async () => {
    await assert.rejects(inspectRepository(box.path('seed'), { gitPath: box.path('no-such-git') }), GitNotFoundError);
  });

  it('applies insteadOf rewriting and the host map to remotes', async () => {
    await box.git('seed', 'config', 'url.https://git.corp.example/.insteadOf', 'corp:');
    await box.git('seed', 'remote', 'add', 'corp', 'corp:team/sub/repo.git');
    await box.git('seed', 'remote', 'add', 'local', box.path('elsewhere.git'));
    const info = await inspectRepository(box.path('seed'), { hostProviders: { 'git.corp.example': 'gitlab' } });
    assert.deepEqual(
      info?.remotes.map((remote) => [remote.name, remote.url, remote.repository?.path, remote.repository?.provider]),
      [
        ['corp', 'https://git.corp.example/team/sub/repo.git', 'team/sub/repo', 'gitlab'],
        ['local', box.path('elsewhere.git'), undefined, undefined],
      ],
    );
    assert.equal(info?.comparedRemote, undefined);
    assert.equal(info?.branchOnRemote, undefined);
  });

  it('describes the branch on a remote that is a local path, though it cannot be chosen', async () => {
    await box.git('.', 'clone', '--quiet', box.path('seed'), box.path('plain-clone'));
    const info = await inspect(box.path('plain-clone'));
    assert.equal(info.remotes[0]?.repository, undefined);
    assert.deepEqual(info.remotes[0]?.branch, { name: 'main', unpushedCommits: 0 });
    assert.equal(info.branchOnRemote, true);
    assert.deepEqual(chooseRemote(info.remotes, info.upstream?.remote), { kind: 'none', reason: 'noParsableRemote' });
  });

  it("reads the user's global config as their terminal would (GIT_CONFIG_GLOBAL)", async () => {
    await box.git('.', 'config', '--file', box.globalConfig, 'url.https://github.com/.insteadOf', 'gh:');
    await box.git('seed', 'remote', 'add', 'origin', 'gh:me/repo');
    const info = await inspect(box.path('seed'));
    assert.equal(info.remotes[0]?.repository?.displayUrl, 'https://github.com/me/repo');
  });

  describe('git processes spawned', () => {
    before(function () {
      if (process.platform === 'win32') {
        this.skip();
      }
    });

    async function countingGit(): Promise<{ gitPath: string; count: () => Promise<string[]> }> {
      const log = box.path('git-calls.log');
      await writeFile(log, '');
      const gitPath = box.path('counting-git');
      await writeFile(gitPath, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec git "$@"\n`);
      await chmod(gitPath, 0o755);
      return { gitPath, count: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
    }

    it('is three for a tracked branch, two when detached or outside a repository', async () => {
      await box.cloneOfHosted('origin.git', 'clone', ME);
      const { gitPath, count } = await countingGit();
      await inspectRepository(box.path('clone'), { gitPath });
      assert.equal((await count()).length, 3, (await count()).join('\n'));
      await box.git('clone', 'checkout', '--quiet', '--detach');
      await inspectRepository(box.path('clone'), { gitPath });
      assert.equal((await count()).length, 5);
      await box.write('plain/file.txt', 'x');
      await inspectRepository(box.path('plain'), { gitPath });
      assert.equal((await count()).length, 7);
    });

    it('adds one rev-list only for a pushed but untracked branch that differs from HEAD', async () => {
      await box.cloneOfHosted('origin.git', 'clone', ME);
      await box.git('clone', 'switch', '--quiet', '-c', 'topic');
      await box.git('clone', 'push', '--quiet', 'origin', 'topic');
      const { gitPath, count } = await countingGit();
      await inspectRepository(box.path('clone'), { gitPath });
      assert.equal((await count()).length, 3);
      await box.commit('clone', 'a.txt', '1');
      await inspectRepository(box.path('clone'), { gitPath });
      const calls = await count();
      assert.equal(calls.length, 7);
      assert.match(calls.at(-1) ?? '', /rev-list --count/);
    });
  });
});
