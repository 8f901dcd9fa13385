// Section 2: what users download and what VS Code loads. Builds the production bundles
// with esbuild's metafile and packs the .vsix exactly as `npm run package` does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Section } from './report';
import { repoRoot, run } from './paths';
import { kb } from './stats';

const BUNDLE_BUDGET = 100 * 1024;
const VSIX_BUDGET = 150 * 1024;
export const VSIX = path.join(repoRoot, 'openhands-vscode.vsix');

interface Metafile {
  readonly outputs: Record<string, { readonly inputs: Record<string, { readonly bytesInOutput: number }> }>;
}

/** Bytes per package (or "own code") inside one output, largest first. */
export function bytesByPackage(meta: Metafile, output: string): [string, number][] {
  const totals = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[output]?.inputs ?? {})) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
    const owner = match ? (match[1] as string) : 'own code (src/)';
    totals.set(owner, (totals.get(owner) ?? 0) + bytesInOutput);
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

export function measureSize(): Section {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // The metafile build and the packaged build use the same options, so the bytes agree.
  run(process.execPath, ['esbuild.js', '--production', '--metafile']);
  const meta = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'meta.json'), 'utf8')) as Metafile;
  run(npm, ['run', '--silent', 'package']);
  const bundles = ['dist/extension.js', 'dist/git.js'].map((file) => ({ file, bytes: fs.readFileSync(path.join(repoRoot, file)) }));
  // Leave dist/ as `npm test` and F5 expect it (dev bundle with source maps); the .vsix is built.
  run(process.execPath, ['esbuild.js']);
  const ext = bundles[0]!.bytes.length;
  const vsix = fs.statSync(VSIX).size;
  const contributors = (output: string): string => bytesByPackage(meta, output).slice(0, 4).map(([name, b]) => `${name} ${kb(b)}`).join(', ');
  const ownTop = Object.entries(meta.outputs['dist/extension.js']?.inputs ?? {})
    .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)
    .slice(0, 6)
    .map(([file, i]) => `${file.replace(/^src\//, '')} ${kb(i.bytesInOutput)}`);
  return {
    title: '2. Size',
    head: ['File', 'Size', 'gzip', 'Budget', 'Largest contributors'],
    rows: [
      ...bundles.map(({ file, bytes }, i) => [file, kb(bytes.length), kb(gzipSync(bytes).length), i === 0 ? `≤ ${kb(BUNDLE_BUDGET)}` : '— (lazy)', contributors(file)]),
      // A .vsix is a zip already: its gzip size says nothing.
      [path.basename(VSIX), kb(vsix), '—', `≤ ${kb(VSIX_BUDGET)}`, 'the two bundles, package.json, README, CHANGELOG, LICENSE, icon'],
    ],
    targets: [
      { name: 'dist/extension.js (minified) ≤ 100 KB', met: ext <= BUNDLE_BUDGET, detail: kb(ext) },
      { name: '.vsix ≤ 150 KB', met: vsix <= VSIX_BUDGET, detail: kb(vsix) },
    ],
    notes: [
      'Built with `node esbuild.js --production --metafile` and `npm run package`; contributors are bytesInOutput from dist/meta.json, grouped by npm package. dist/ is rebuilt as the dev bundle afterwards.',
      `dist/extension.js has no npm dependency; its largest modules: ${ownTop.join(', ')}.`,
      'dist/git.js (simple-git) is a separate bundle loaded only when a task is started, so it costs nothing at activation; it ships inside the .vsix.',
    ],
  };
}
