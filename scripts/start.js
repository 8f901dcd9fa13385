// `npm start`: the extension in a real VS Code (code-server) in your browser, against the
// embedded OpenHands server or a real one, with a demo git workspace.
//   PORT=8080                   code-server port (stable, so the browser keeps the key)
//   OPENHANDS_MODE=v1|v0|both   embedded server API mode (default v1)
//   OPENHANDS_URL + OPENHANDS_API_KEY   use that server instead of the embedded one
//   npm start -- --watch        also rebuild the bundle on change (then reload the window)
// Ctrl+C stops everything. Delete .vscode-test/start to start over.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const runDir = path.join(root, '.vscode-test', 'start');
const port = Number(process.env.PORT || 8080);
const watch = process.argv.includes('--watch');

function build() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // tsc still emits when there are type errors; a half-typed tree should still start.
  if (spawnSync(npm, ['run', '--silent', 'build:tests'], { cwd: root, stdio: 'inherit' }).status !== 0) {
    console.warn('\n(type errors above; starting anyway)\n');
  }
  if (spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' }).status !== 0) {
    throw new Error('the extension bundle (node esbuild.js) failed to build');
  }
}

async function targetServer(registerCleanup) {
  const { OPENHANDS_URL: url, OPENHANDS_API_KEY: key } = process.env;
  if (url && key) return { url, keyHint: 'the key in $OPENHANDS_API_KEY', embedded: false };
  const { startOpenHandsServer, DEMO_API_KEY } = require(path.join(root, 'out', 'test', 'server', 'openHandsServer.js'));
  const mode = process.env.OPENHANDS_MODE || 'v1';
  const server = await startOpenHandsServer({ clock: 'real', mode });
  registerCleanup(() => server.close());
  return { url: server.url, keyHint: DEMO_API_KEY, embedded: true, mode };
}

async function main() {
  build();
  const harness = (name) => require(path.join(root, 'out', 'test', 'harness', name));
  const { registerCleanup } = harness('lifecycle.js');
  const { startCodeServer } = harness('codeServer.js');
  const { createDemoWorkspace } = harness('demoWorkspace.js');
  const { workbenchUrl } = harness('workbench.js');
  const { extensionDevelopmentPath } = harness('paths.js');

  const server = await targetServer(registerCleanup);
  // Kept between runs, like a real checkout; delete .vscode-test/start to reset it.
  const workspace = createDemoWorkspace({ parentDir: path.join(runDir, 'workspace'), fresh: false });
  let codeServer;
  try {
    codeServer = await startCodeServer({
      runDir,
      port,
      label: 'start',
      userSettings: { 'openhands.serverUrl': server.url },
    });
  } catch (err) {
    throw new Error(`${err.message}\n(is port ${port} taken? try PORT=8081 npm start)`);
  }
  registerCleanup(() => codeServer.close());
  if (watch) {
    const watcher = spawn(process.execPath, ['esbuild.js', '--watch'], { cwd: root, stdio: 'inherit' });
    registerCleanup(() => void watcher.kill());
  }

  const url = workbenchUrl(codeServer, workspace.folder, extensionDevelopmentPath());
  const line = '─'.repeat(72);
  console.log(`\n${line}`);
  console.log(server.embedded ? `OpenHands server (embedded, ${server.mode}, real clock): ${server.url}` : `OpenHands server: ${server.url}`);
  console.log(`VS Code (code-server ${codeServer.port}), demo workspace ${workspace.folder}`);
  console.log(`\nOpen this URL in your browser:\n\n  ${url}\n`);
  console.log('Then run "OpenHands: Set API Key…" from the Command Palette (F1) and paste');
  console.log(`  ${server.keyHint}`);
  console.log('The key stays in this browser profile for this port; it is never written to a file.');
  console.log(watch ? '\nsrc/ is rebuilt on change: run "Developer: Reload Window" to load it.' : '\nAfter changing src/: `node esbuild.js`, then "Developer: Reload Window".');
  console.log(`Logs: ${codeServer.logFile}`);
  console.log(`Press Ctrl+C to stop everything.\n${line}\n`);
  await new Promise(() => undefined);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  // Let the harness's exit handler kill anything already started.
  process.exit(1);
});
