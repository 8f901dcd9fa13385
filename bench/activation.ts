// Section 1: what activation costs, read from VS Code's own marks in a real extension host
// (code-server) for our production .vsix and for an empty extension, one extension per
// window, alternating which goes first, several windows each. The probe (activationProbe.ts)
// reports the marks; the server's request log shows whether anything was asked before
// activate returned.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EMPTY_EXTENSION_ID, writeEmptyExtension } from './emptyExtension';
import type { HostSession } from './host';
import { medianRequireMs } from './nodeRequire';
import { freshDir } from './paths';
import type { ProbeReport } from './probeReport';
import { PROBE_PREFIX } from './probeReport';
import type { Section } from './report';
import { formatSpread, median, spread } from './stats';

const RATIO_TARGET = 1.2;
const PROBE = path.join(__dirname, 'activationProbe.js');

interface Run {
  /** Load + activate() as VS Code counts it (codeLoadingTime + activate call), ms. */
  readonly loadActivate: number;
  readonly load: number;
  readonly activate: number;
  /** From "will load code" to "activated": includes the host's own per-extension setup. */
  readonly endToEnd: number;
  readonly requestsBefore: number;
  readonly requestsAfter: number;
  readonly firstRequestAfterMs?: number;
  readonly gitBundleLoaded: boolean;
  /** Ours: "[activate] activated in N ms" from its log channel (performance.now()). */
  readonly ownLogMs?: number;
}

async function measureOnce(session: HostSession, dir: string): Promise<Run> {
  session.server.control.reset();
  const logs: string[] = [];
  const started = Date.now();
  const workbench = await session.open(dir, { testsPath: PROBE, logs });
  try {
    const code = await Promise.race([workbench.exitCode, new Promise<number>((resolve) => setTimeout(() => resolve(-1), 60_000))]);
    if (code !== 0) throw new Error(`activation probe exited with ${code}: ${logs.join('\n')}`);
  } finally {
    await workbench.close();
  }
  const line = logs.find((l) => l.startsWith(PROBE_PREFIX));
  if (!line) throw new Error(`activation probe reported nothing:\n${logs.join('\n')}`);
  const report = JSON.parse(line.slice(PROBE_PREFIX.length)) as ProbeReport;
  if (report.id !== EMPTY_EXTENSION_ID && report.connectionState !== 'ready') {
    throw new Error(`OpenHands did not load its conversations (state ${report.connectionState}): is the API key still in the browser profile?`);
  }
  const m = report.marks as Record<string, number>;
  const [load, activate] = [m.didLoadExtensionCode! - m.willLoadExtensionCode!, m.didActivateExtension! - m.willActivateExtension!];
  const returned = m.didActivateExtension!;
  // Server time is wall time plus whatever earlier steps advanced it by.
  const offset = session.server.control.now() - Date.now();
  const times = session.server.control.requests().map((r) => r.at - offset);
  const after = times.filter((t) => t >= returned);
  return {
    load, activate, loadActivate: load + activate, endToEnd: returned - m.willLoadExtensionCode!,
    requestsBefore: times.length - after.length, requestsAfter: after.length,
    ...(after.length ? { firstRequestAfterMs: Math.min(...after) - returned } : {}),
    gitBundleLoaded: report.gitBundleLoaded,
    ...(report.id === EMPTY_EXTENSION_ID ? {} : { ownLogMs: ownActivateLog(session.codeServer.userDataDir, started) }),
  };
}

/** The newest "[activate] activated in N ms" written since `since` in the code-server logs. */
function ownActivateLog(userDataDir: string, since: number): number | undefined {
  const files = (fs.readdirSync(path.join(userDataDir, 'logs'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('OpenHands.log'))
    .map((f) => path.join(userDataDir, 'logs', f))
    .filter((f) => fs.statSync(f).mtimeMs >= since);
  const values = files.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/\[activate\] activated in ([\d.]+) ms/g)].map((x) => Number(x[1])));
  return values.at(-1);
}

export async function measureActivation(session: HostSession, runs: number): Promise<Section> {
  const empty = writeEmptyExtension(freshDir('empty-extension'));
  // The session's key-setting window loaded ours once; one window of the empty one warms it
  // up the same way. Then alternate which goes first.
  await measureOnce(session, empty);
  const ours: Run[] = [];
  const reference: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const order: [string, Run[]][] = [[session.extensionDir, ours], [empty, reference]];
    for (const [dir, into] of i % 2 ? order.reverse() : order) into.push(await measureOnce(session, dir));
  }
  const [oursMs, emptyMs] = medianRequireMs([path.join(session.extensionDir, 'dist', 'extension.js'), path.join(empty, 'extension.js')]);
  return activationSection(ours, reference, `In plain Node (fresh process each, performance.now(), median of 10): require() of our dist/extension.js ${oursMs!.toFixed(2)} ms vs the empty extension's ${emptyMs!.toFixed(2)} ms (${(oursMs! / emptyMs!).toFixed(0)}×): most of our load is compiling and running the bundle.`);
}

function activationSection(ours: readonly Run[], reference: readonly Run[], plainNode: string): Section {
  const col = (runs: readonly Run[], key: 'loadActivate' | 'load' | 'activate' | 'endToEnd'): string => formatSpread(spread(runs.map((r) => r[key])), 0);
  const med = (runs: readonly Run[], key: 'loadActivate' | 'endToEnd'): number => median(runs.map((r) => r[key]));
  // The marks count whole milliseconds: an empty extension often reads 0, counted as 1.
  const ratio = (key: 'loadActivate' | 'endToEnd'): number => med(ours, key) / Math.max(1, med(reference, key));
  const diff = (key: 'loadActivate' | 'endToEnd'): string => `${med(ours, key) - med(reference, key) >= 0 ? '+' : ''}${(med(ours, key) - med(reference, key)).toFixed(0)} ms`;
  const own = ours.map((r) => r.ownLogMs).filter((v): v is number => v !== undefined);
  const before = ours.reduce((s, r) => s + r.requestsBefore, 0);
  const after = ours.reduce((s, r) => s + r.requestsAfter, 0);
  const firstAfter = ours.map((r) => r.firstRequestAfterMs).filter((v): v is number => v !== undefined);
  const git = ours.filter((r) => r.gitBundleLoaded).length;
  return {
    title: '1. Activation cost (real extension host)',
    head: ['Extension', 'Load + activate ms', 'Load code ms', 'activate() ms', 'Host end-to-end ms', 'Windows'],
    rows: [
      ['OpenHands (production .vsix)', col(ours, 'loadActivate'), col(ours, 'load'), col(ours, 'activate'), col(ours, 'endToEnd'), String(ours.length)],
      ['Reference: empty extension (1 command)', col(reference, 'loadActivate'), col(reference, 'load'), col(reference, 'activate'), col(reference, 'endToEnd'), String(reference.length)],
      ['Ratio of medians (difference)', `${ratio('loadActivate').toFixed(1)}× (${diff('loadActivate')})`, '', '', `${ratio('endToEnd').toFixed(2)}× (${diff('endToEnd')})`, ''],
    ],
    targets: [
      { name: `load + activate ≤ ${RATIO_TARGET}× the empty extension`, met: ratio('loadActivate') <= RATIO_TARGET, detail: `${ratio('loadActivate').toFixed(1)}× (medians ${med(ours, 'loadActivate')} vs ${med(reference, 'loadActivate')} ms, ${diff('loadActivate')}); host end-to-end ${ratio('endToEnd').toFixed(2)}×` },
      { name: 'no request before activate returns', met: before === 0 && after > 0, detail: `${before} before, ${after} after in ${ours.length} windows (first one ${firstAfter.length ? formatSpread(spread(firstAfter), 0) : '—'} ms after, min / median / max)` },
      { name: 'no git work in activate', met: git === 0, detail: `dist/git.js (simple-git) loaded in ${git} of ${ours.length} windows by the time activation was observed` },
    ],
    notes: [
      'min / median / max over fresh windows (each a new extension host), one extension per window so neither slows the other, order alternating. Times are VS Code\'s own marks (code/extHost/{will,did}{LoadExtensionCode,ActivateExtension}), the data behind "Developer: Show Running Extensions"; they have 1 ms resolution.',
      'Load + activate is what VS Code reports as an extension\'s activation time (code loading + the activate call). Host end-to-end adds what the host does for every extension (creating its ExtensionContext: storage, secrets), mostly waiting.',
      `Our own log line "[activate] activated in N ms" (performance.now(), activate() body only): ${own.length ? formatSpread(spread(own), 1) : 'not found'} ms.`,
      plainNode,
      'The API key is stored in the browser profile, so our extension really loads the conversation list once activation returns; the embedded server logs every request with its arrival time (same wall clock as the marks).',
    ],
  };
}
