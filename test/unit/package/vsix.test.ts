// The .vsix a user installs: built the way `npm run package` builds it, it holds only what
// runs, and code-server (VS Code's own server) installs and lists it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..', '..');
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);

describe('packaged extension (.vsix)', function () {
  this.timeout(120_000);
  let dir: string;
  let vsix: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openhands-vsix-'));
    vsix = path.join(root, 'openhands-vscode.vsix');
    fs.rmSync(vsix, { force: true });
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'pipe' });
  });

  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    // Leave a development bundle behind, as the other layers expect.
    execFileSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'pipe' });
  });

  it('ships only the bundles, the icon, the manifest and the docs', () => {
    const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const shipped = listing.filter((f) => f.startsWith('extension/')).sort();
    assert.deepEqual(shipped, [
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/dist/extension.js',
      'extension/dist/git.js',
      'extension/media/openhands.svg',
      'extension/package.json',
      'extension/readme.md',
    ]);
  });

  it('installs into code-server and is listed with its version', () => {
    const extensionsDir = path.join(dir, 'extensions');
    const env = { ...process.env, XDG_DATA_HOME: path.join(dir, 'data'), XDG_CONFIG_HOME: path.join(dir, 'config') };
    const args = ['--extensions-dir', extensionsDir, '--user-data-dir', path.join(dir, 'user')];
    execFileSync(bin('code-server'), [...args, '--install-extension', vsix], { cwd: root, env, stdio: 'pipe' });
    const listed = execFileSync(bin('code-server'), [...args, '--list-extensions', '--show-versions'], { cwd: root, env, encoding: 'utf8' });
    const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    assert.match(listed, new RegExp(`openhands-community\\.openhands-vscode@${version.replace(/\./g, '\\.')}`));
  });
});
