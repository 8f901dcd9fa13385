// A throwaway git workspace that looks like a clone of a GitHub repository whose branch is
// published and up to date, without any network: a local bare repository stands in for
// GitHub during the fetch, then `origin` is pointed at the GitHub URL.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const DEMO_REMOTE_URL = 'https://github.com/octo-org/hello-world.git';

export interface DemoWorkspaceOptions {
  /** Parent folder; the workspace is `<parent>/hello-world`. Default: a fresh temp folder. */
  readonly parentDir?: string;
  readonly remoteUrl?: string;
  readonly branch?: string;
  /** Recreate the workspace even if it exists (start.js keeps an existing one). Default true. */
  readonly fresh?: boolean;
}

export interface DemoWorkspace {
  /** The folder to open in the workbench. */
  readonly folder: string;
  /** The bare repository that received the push; `origin` no longer points at it. */
  readonly bareRepo: string;
  readonly branch: string;
  readonly remoteUrl: string;
  /** Runs git in the workspace, offline and without prompts; returns trimmed stdout. */
  git(...args: string[]): string;
  /** Deletes the parent folder, when the harness created it. */
  cleanup(): void;
}

const FILES: Readonly<Record<string, string>> = {
  'README.md': '# hello-world\n\nA tiny demo project for trying the OpenHands extension.\n',
  'src/greet.js': "'use strict';\n\nfunction greet(name) {\n  return `Hello, ${name}!`;\n}\n\nmodule.exports = { greet };\n",
  'src/index.js': "'use strict';\n\nconst { greet } = require('./greet');\n\nconsole.log(greet(process.argv[2] ?? 'world'));\n",
  'package.json': '{\n  "name": "hello-world",\n  "version": "1.0.0",\n  "main": "src/index.js"\n}\n',
};

/** No system or global git config, no credential prompts: the same result on every machine. */
const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_DATE: '2025-01-15T10:00:00Z',
  GIT_COMMITTER_DATE: '2025-01-15T10:00:00Z',
};

function runGit(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function createDemoWorkspace(options: DemoWorkspaceOptions = {}): DemoWorkspace {
  const ownsParent = options.parentDir === undefined;
  const parent = options.parentDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'openhands-demo-'));
  const folder = path.join(parent, 'hello-world');
  const bareRepo = path.join(parent, 'hello-world-remote.git');
  const branch = options.branch ?? 'main';
  const remoteUrl = options.remoteUrl ?? DEMO_REMOTE_URL;
  const git = (...args: string[]): string => runGit(folder, args);
  const cleanup = (): void => {
    if (ownsParent) fs.rmSync(parent, { recursive: true, force: true });
  };
  const workspace: DemoWorkspace = { folder, bareRepo, branch, remoteUrl, git, cleanup };

  if (options.fresh === false && fs.existsSync(path.join(folder, '.git'))) return workspace;
  fs.rmSync(folder, { recursive: true, force: true });
  fs.rmSync(bareRepo, { recursive: true, force: true });

  for (const [file, content] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
    fs.writeFileSync(path.join(folder, file), content);
  }
  fs.mkdirSync(bareRepo, { recursive: true });
  runGit(bareRepo, ['init', '--quiet', '--bare', `--initial-branch=${branch}`]);

  git('init', '--quiet', `--initial-branch=${branch}`);
  // Local identity: the extension (or a test) may commit here too.
  git('config', 'user.name', 'Demo User');
  git('config', 'user.email', 'demo@example.com');
  git('config', 'commit.gpgsign', 'false');
  git('add', '.');
  git('commit', '--quiet', '-m', 'Initial commit');

  // Publish through the bare repository so origin/<branch> and the upstream are real refs...
  git('remote', 'add', 'origin', bareRepo);
  git('push', '--quiet', '--set-upstream', 'origin', branch);
  git('fetch', '--quiet', 'origin');
  // ...then make origin look like GitHub. Nothing fetches it unless someone runs `git fetch`.
  git('remote', 'set-url', 'origin', remoteUrl);
  return workspace;
}
