// A finer-grained companion to section 1: the extension host's marks count whole
// milliseconds, so also time `require()` of both extensions' entry files in fresh Node
// processes with performance.now() (stand-in `vscode` module). Not the host's figure; it
// shows how much of the load is just compiling and running the bundle.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { median } from './stats';

const SCRIPT = `
require(process.argv[1]);
require('vscode'); // the host has its API ready too: time only the extension's own file
const { performance } = require('node:perf_hooks');
const t0 = performance.now();
require(process.argv[2]);
process.stdout.write(String(performance.now() - t0));
`;

function requireMs(file: string): number {
  const stub = path.join(__dirname, 'useVscodeStub.js');
  const result = spawnSync(process.execPath, ['-e', SCRIPT, stub, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`require(${file}) failed: ${result.stderr}`);
  return Number(result.stdout);
}

/** Median require() time in ms of each file, alternating between them, `runs` processes each. */
export function medianRequireMs(files: readonly string[], runs = 10): number[] {
  const samples = files.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) files.forEach((file, j) => samples[j]!.push(requireMs(file)));
  return samples.map(median);
}
