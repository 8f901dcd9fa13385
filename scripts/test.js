// Runs every test layer in order and adds up the results:
//   build (type check + test build + dev bundle) → unit → integration → UI.
// Usage: npm test [-- --unit] [--integration] [--ui] [--grep <pattern>] [--no-build]
// With no layer flags all layers run. The last line is always `N passed, N failed`; the exit
// code is 1 if anything failed, a layer crashed, or a layer ran zero tests.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const results = path.join(root, 'test-results');
const args = process.argv.slice(2);
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? args[grepIndex + 1] : undefined;
const LAYERS = ['unit', 'integration', 'ui'];
const chosen = LAYERS.filter((layer) => args.includes(`--${layer}`));
const layers = chosen.length > 0 ? chosen : LAYERS;
const unknown = args.filter((a, i) => a.startsWith('--') && ![...LAYERS.map((l) => `--${l}`), '--grep', '--no-build'].includes(a) && i !== grepIndex + 1);
if (unknown.length > 0) {
  console.error(`unknown option(s): ${unknown.join(' ')}\nusage: npm test -- [--unit] [--integration] [--ui] [--grep <pattern>] [--no-build]`);
  process.exit(2);
}

/** Runs a command with inherited output; returns its exit code and duration. */
function run(command, commandArgs, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = (Date.now() - started) / 1000;
  if (result.error) console.error(result.error);
  return { code: result.status ?? 1, seconds };
}

function heading(text) {
  console.log(`\n━━ ${text} ${'━'.repeat(Math.max(0, 70 - text.length))}`);
}

const summaries = [];

// Failure screenshots and saved logs from an earlier run would read as this run's.
if (fs.existsSync(results)) {
  for (const name of fs.readdirSync(results)) {
    if (/^failure-.*\.png$|^logs-/.test(name)) fs.rmSync(path.join(results, name), { recursive: true, force: true });
  }
}

if (!args.includes('--no-build')) {
  heading('build');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const tsc = run(npm, ['run', '--silent', 'build:tests']);
  const bundle = layers.some((l) => l !== 'unit') ? run(process.execPath, ['esbuild.js']) : { code: 0, seconds: 0 };
  // A type error is a failure even though tsc still emits and the tests can run.
  const failed = [];
  if (tsc.code !== 0) failed.push({ title: 'type check (tsc -p tsconfig.test.json)', error: `exit ${tsc.code}` });
  if (bundle.code !== 0) failed.push({ title: 'bundle (node esbuild.js)', error: `exit ${bundle.code}` });
  summaries.push({ layer: 'build', passes: 0, failures: failed.length, pending: 0, seconds: tsc.seconds + bundle.seconds, failed, countsTests: false });
}

const commands = {
  unit: [require.resolve('mocha/bin/mocha.js', { paths: [root] }), '--reporter', 'out/test/harness/mochaReporter.js', ...(grep ? ['--grep', grep] : [])],
  integration: ['out/test/harness/runIntegration.js'],
  ui: ['out/test/harness/runUi.js'],
};

for (const layer of layers) {
  heading(layer);
  // Per process: two runs in one checkout (yours and a teammate's) must not read each other's.
  const summaryFile = path.join(results, `summary-${layer}-${process.pid}.json`);
  fs.rmSync(summaryFile, { force: true });
  const { code, seconds } = run(process.execPath, commands[layer], {
    OPENHANDS_TEST_SUMMARY: summaryFile,
    ...(grep ? { OPENHANDS_TEST_GREP: grep } : {}),
  });
  let summary;
  try {
    summary = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
  } catch {
    summary = { passes: 0, failures: 0, pending: 0, failed: [] };
  }
  fs.rmSync(summaryFile, { force: true });
  const failed = [...(summary.failed ?? [])];
  let failures = summary.failures ?? failed.length;
  // The runner can fail outside mocha (code-server did not start, the host crashed): count it.
  if (code !== 0 && failures === 0) {
    failed.push({ title: `${layer} runner`, error: `exited with ${code} without a failed test; see the output above and test-results/` });
    failures = 1;
  }
  summaries.push({ layer, passes: summary.passes ?? 0, failures, pending: summary.pending ?? 0, seconds, failed, countsTests: true });
}

heading('summary');
let passed = 0;
let failedTotal = 0;
let empty = false;
for (const s of summaries) {
  passed += s.passes;
  failedTotal += s.failures;
  const ranNothing = s.countsTests && s.passes + s.failures === 0;
  // With --grep a layer may legitimately match nothing.
  if (ranNothing && !grep) empty = true;
  const counts = s.countsTests ? `${s.passes} passed, ${s.failures} failed${s.pending ? `, ${s.pending} pending` : ''}` : s.failures ? 'FAILED' : 'ok';
  console.log(`${s.layer.padEnd(12)} ${counts.padEnd(36)} ${s.seconds.toFixed(1).padStart(6)} s${ranNothing ? '  ← ran zero tests' : ''}`);
  for (const f of s.failed) console.log(`  ✗ ${f.title}${f.error ? ` — ${f.error}` : ''}`);
}
console.log(`${passed} passed, ${failedTotal} failed`);
process.exit(failedTotal > 0 || empty ? 1 : 0);
