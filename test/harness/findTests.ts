// Node 20 has no fs.globSync; test files are every *.test.js below a folder, sorted so the
// order is the same on every machine. tsc never deletes outputs, so a compiled test whose
// .ts source was deleted or renamed would keep running: those are skipped.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './paths';

const outDir = path.join(repoRoot, 'out');

export function findTests(dir: string, suffix = '.test.js'): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full, suffix));
    else if (entry.name.endsWith(suffix) && hasSource(full)) found.push(full);
  }
  return found.sort();
}

function hasSource(compiled: string): boolean {
  const relative = path.relative(outDir, compiled);
  if (relative.startsWith('..')) return true;
  const source = path.join(repoRoot, relative.replace(/\.js$/, '.ts'));
  if (fs.existsSync(source)) return true;
  console.log(`skipping ${path.relative(repoRoot, compiled)}: its source ${path.relative(repoRoot, source)} is gone`);
  return false;
}
