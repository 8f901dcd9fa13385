// `npm run bench`: the four things users feel, each next to a reference measured in the
// same run, written to bench/results.md with the machine's details. Figures, not a test:
// it exits 1 only when it cannot measure.
// `npm run bench:smoke` (CI, < 1 min): size and request counts, which do not depend on the
// machine's load; exits 1 when one of their targets is missed.
//   node out/bench/main.js [--smoke] [--only size,network,tree,activation,latency]
// --only prints the chosen sections; only the full run rewrites bench/results.md.
// BENCH_RUNS sets the number of windows per extension in section 1 (default 5).
import * as fs from 'node:fs';
import * as os from 'node:os';
import { runMain } from '../test/harness/lifecycle';
import { measureActivation } from './activation';
import type { HostSession } from './host';
import { hostVersions, startHostSession } from './host';
import { measureLatency } from './latency';
import { FULL_CASES, measureNetwork, SMOKE_CASES } from './network';
import { resultsFile } from './paths';
import type { Section } from './report';
import { documentMarkdown, markdownTable, targetLines } from './report';
import { VSIX, measureSize } from './size';
import { machine } from './stats';
import { measureTree } from './tree';

const ORDER = ['size', 'network', 'tree', 'activation', 'latency'] as const;
type StepName = (typeof ORDER)[number];

function print(section: Section, seconds: number): void {
  console.log(`\n${section.title}  (${seconds.toFixed(1)} s)\n`);
  console.log(markdownTable(section.head, section.rows));
  for (const line of targetLines(section.targets)) console.log(line);
  for (const note of section.notes) console.log(`  · ${note}`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const smoke = args.includes('--smoke');
  const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] ?? '').split(',') : undefined;
  const names = (only ?? (smoke ? ['size', 'network'] : [...ORDER])) as StepName[];
  const unknown = names.filter((n) => !ORDER.includes(n));
  if (unknown.length) throw new Error(`unknown step(s) ${unknown.join(', ')}; known: ${ORDER.join(', ')}`);
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const started = Date.now();
  // The machine may be shared: its load explains noisy timings.
  const extra: Record<string, string> = { 'Load average at start (1 / 5 / 15 min)': os.loadavg().map((l) => l.toFixed(1)).join(' / ') };
  let session: HostSession | undefined;
  const host = async (): Promise<HostSession> => {
    if (!fs.existsSync(VSIX) || !names.includes('size')) measureSize(); // the .vsix under test
    Object.assign(extra, hostVersions());
    return (session ??= await startHostSession(VSIX));
  };
  const steps: Record<StepName, () => Promise<Section>> = {
    size: async () => measureSize(),
    network: () => measureNetwork(smoke ? SMOKE_CASES : FULL_CASES),
    tree: async () => measureTree(),
    latency: async () => measureLatency(await host()),
    activation: async () => measureActivation(await host(), runs),
  };
  const sections: Section[] = [];
  try {
    for (const name of ORDER.filter((n) => names.includes(n))) {
      const t0 = Date.now();
      const section = await steps[name]();
      print(section, (Date.now() - t0) / 1000);
      sections.push(section);
    }
  } finally {
    await session?.close();
  }
  const seconds = (Date.now() - started) / 1000;
  const missed = sections.flatMap((s) => s.targets).filter((t) => !t.met);
  if (!smoke && !only) {
    const byNumber = [...sections].sort((a, b) => a.title.localeCompare(b.title));
    fs.writeFileSync(resultsFile, documentMarkdown(machine(), extra, byNumber, seconds));
    console.log(`\nwritten to ${resultsFile}`);
  }
  console.log(`\nbench finished in ${seconds.toFixed(1)} s; ${missed.length} target(s) missed${missed.length ? `: ${missed.map((t) => t.name).join('; ')}` : ''}`);
  return smoke && missed.length > 0 ? 1 : 0;
}

runMain(main);
