// Real git repositories in temporary folders, isolated from the machine's git config and
// from any GIT_* variables of the process running the tests (a git hook sets GIT_DIR).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class GitSandbox {
  private constructor(
    /** Real path (macOS `/tmp` is a symlink; git reports real paths). */
    readonly dir: string,
    /** Stands in for the user's `~/.gitconfig` (GIT_CONFIG_GLOBAL); starts empty. */
    readonly globalConfig: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly savedEnv: Readonly<Record<string, string | undefined>>,
  ) {}

  static async create(): Promise<GitSandbox> {
    const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), 'oh-git-')));
    const globalConfig = path.join(dir, 'empty-global-gitconfig');
    await writeFile(globalConfig, '');
    const isolation = { GIT_CONFIG_GLOBAL: globalConfig, GIT_CONFIG_NOSYSTEM: '1' };
    const env: NodeJS.ProcessEnv = { LC_ALL: 'C' };
    for (const [key, value] of Object.entries(process.env)) {
      if (!/^GIT_/i.test(key)) {
        env[key] = value;
      }
    }
    Object.assign(env, isolation);
    // The code under test inherits process.env (simple-git passes these two through).
    const savedEnv = { GIT_CONFIG_GLOBAL: process.env.GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM: process.env.GIT_CONFIG_NOSYSTEM };
    Object.assign(process.env, isolation);
    return new GitSandbox(dir, globalConfig, env, savedEnv);
  }

  async dispose(): Promise<void> {
    for (const [key, value] of Object.entries(this.savedEnv)) {
      if (value === undefined) {
        delete process.env[key];
      } else {
        process.env[key] = value;
      }
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  /** Runs git in `cwd` (relative to the sandbox) and returns trimmed stdout. */
  async git(cwd: string, ...args: string[]): Promise<string> {
    const { stdout } = await run('git', args, { cwd: path.resolve(this.dir, cwd), env: this.env });
    return stdout.trim();
  }

  path(...parts: string[]): string {
    return path.join(this.dir, ...parts);
  }

  async write(file: string, content: string): Promise<void> {
    await mkdir(path.dirname(this.path(file)), { recursive: true });
    await writeFile(this.path(file), content);
  }

  /** A working repository with an identity and one commit on `main`. */
  async initRepo(name: string): Promise<void> {
    await mkdir(this.path(name), { recursive: true });
    await this.git(name, 'init', '--quiet', '--initial-branch=main');
    await this.identify(name);
    await this.commit(name, 'README.md', 'first');
  }

  async identify(repo: string): Promise<void> {
    await this.git(repo, 'config', 'user.name', 'Test User');
    await this.git(repo, 'config', 'user.email', 'test@example.com');
    await this.git(repo, 'config', 'commit.gpgsign', 'false');
  }

  async commit(repo: string, file: string, content: string): Promise<string> {
    await this.write(path.join(repo, file), content);
    await this.git(repo, 'add', '--', file);
    await this.git(repo, 'commit', '--quiet', '-m', `edit ${file}`);
    return this.git(repo, 'rev-parse', 'HEAD');
  }

  /**
   * A bare repository standing in for a hosted one, and `clone` of it whose remote `remote`
   * has a hosted-looking fetch URL (so it parses) and pushes to the bare repository (so
   * pushes update the remote-tracking refs). Nothing ever fetches from the fake URL.
   */
  async cloneOfHosted(bare: string, clone: string, url: string, remote = 'origin'): Promise<void> {
    await this.git('.', 'clone', '--quiet', '--bare', this.path('seed'), this.path(bare));
    await this.git('.', 'clone', '--quiet', '--origin', remote, this.path(bare), this.path(clone));
    await this.identify(clone);
    await this.disguise(clone, remote, url, bare);
  }

  async disguise(repo: string, remote: string, url: string, bare: string): Promise<void> {
    await this.git(repo, 'remote', 'set-url', remote, url);
    await this.git(repo, 'remote', 'set-url', '--push', remote, this.path(bare));
  }
}
