// code-server's @vscode/ripgrep postinstall downloads `rg` from GitHub, which these machines
// cannot reach. It first looks in a cache folder under the temp dir; we put Debian's rg there.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const cacheDir = path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const tarball = path.join(cacheDir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => fs.existsSync(p));

if (fs.existsSync(tarball)) process.exit(0);
if (!rg) {
  console.warn('prepareRipgrep: no rg found (apt-get install ripgrep); code-server may fail to install.');
  process.exit(0);
}
fs.mkdirSync(cacheDir, { recursive: true });
const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-'));
// The postinstall unpacks the tarball straight into its bin/ folder, so rg sits at the top.
fs.copyFileSync(rg, path.join(staging, 'rg'));
fs.chmodSync(path.join(staging, 'rg'), 0o755);
execFileSync('tar', ['-czf', tarball, '-C', staging, 'rg']);
fs.rmSync(staging, { recursive: true, force: true });
