import * as assert from 'node:assert/strict';
import { symlink, unlink } from 'node:fs/promises';
import { hasUncommittedChanges, relativePath } from '../../../src/git/repository';
import { GitSandbox } from './gitFixture';

describe('relativePath', () => {
  it('gives a POSIX path inside the root', () => {
    assert.equal(relativePath('/home/me/repo', '/home/me/repo/src/a b.ts'), 'src/a b.ts');
    assert.equal(relativePath('/home/me/repo/', '/home/me/repo/README.md'), 'README.md');
    assert.equal(relativePath('/home/me/repo', '/home/me/repo'), '.');
    assert.equal(relativePath('/home/me/repo', '/home/me/repo/..foo/x'), '..foo/x');
  });

  it('is undefined outside the root', () => {
    assert.equal(relativePath('/home/me/repo', '/home/me/other/a.ts'), undefined);
    assert.equal(relativePath('/home/me/repo', '/home/me/repository/a.ts'), undefined);
    assert.equal(relativePath('/home/me/repo', '/home/me'), undefined);
  });

  it('handles git\'s Windows root against VS Code\'s file path, case-insensitively', () => {
    assert.equal(relativePath('C:/Users/Me/repo', 'c:\\Users\\me\\repo\\src\\a.ts'), 'src/a.ts');
    assert.equal(relativePath('C:/Users/Me/repo', 'D:\\repo\\a.ts'), undefined);
    assert.equal(relativePath('\\\\server\\share\\repo', '\\\\server\\share\\repo\\a.ts'), 'a.ts');
  });
});

describe('hasUncommittedChanges (real git)', function () {
  this.timeout(30_000);
  let box: GitSandbox;

  before(async () => {
    box = await GitSandbox.create();
    await box.initRepo('repo');
    await box.commit('repo', 'src/clean.ts', 'clean');
    await box.commit('repo', 'src/edited.ts', 'v1');
    await box.commit('repo', 'src/staged.ts', 'v1');
    await box.commit('repo', 'src/deleted.ts', 'v1');
    await box.commit('repo', 'a[1].txt', 'literal');
    await box.commit('repo', 'a1.txt', 'v1');
    await box.commit('repo', '.gitignore', 'ignored.log\n');
    await box.write('repo/src/edited.ts', 'v2');
    await box.write('repo/src/staged.ts', 'v2');
    await box.git('repo', 'add', 'src/staged.ts');
    await unlink(box.path('repo', 'src', 'deleted.ts'));
    await box.write('repo/src/new.ts', 'new');
    await box.write('repo/ignored.log', 'noise');
    await box.write('repo/a1.txt', 'v2');
  });

  after(async () => {
    await box.dispose();
  });

  const cases: readonly (readonly [string, boolean])[] = [
    ['src/clean.ts', false],
    ['src/edited.ts', true],
    ['src/staged.ts', true],
    ['src/deleted.ts', true],
    ['src/new.ts', true],
    ['ignored.log', false],
    // A wildcard pattern would also match the modified `a1.txt`.
    ['a[1].txt', false],
    ['a1.txt', true],
  ];
  for (const [file, expected] of cases) {
    it(`${file} → ${expected}`, async () => {
      assert.equal(await hasUncommittedChanges(box.path('repo'), box.path('repo', ...file.split('/'))), expected);
    });
  }

  it('is false for a file outside the repository', async () => {
    await box.write('outside.txt', 'x');
    assert.equal(await hasUncommittedChanges(box.path('repo'), box.path('outside.txt')), false);
  });

  it('follows a symlinked path to the repository', async function () {
    if (process.platform === 'win32') {
      this.skip();
    }
    await symlink(box.path('repo'), box.path('link'));
    assert.equal(await hasUncommittedChanges(box.path('repo'), box.path('link', 'src', 'edited.ts')), true);
    assert.equal(await hasUncommittedChanges(box.path('repo'), box.path('link', 'src', 'clean.ts')), false);
  });
});
