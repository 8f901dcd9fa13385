// Runs inside the extension host as the workbench's extensionTestsPath. Waits until the
// extension under measurement is active, then reports VS Code's own activation marks for it
// (the data behind "Developer: Show Running Extensions") on the console, which the harness
// forwards to the benchmark. Both extensions are read the same way.
import * as vscode from 'vscode';
import type { ProbeReport } from './probeReport';
import { PROBE_PREFIX } from './probeReport';

const IDS = ['openhands-community.openhands-vscode', 'bench.empty-extension'];

interface Mark {
  readonly name: string;
  readonly startTime: number;
}

export async function run(): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const active = vscode.extensions.all.find((e) => IDS.includes(e.id) && e.isActive);
    const marks = (globalThis as { MonacoPerformanceMarks?: { getMarks(): Mark[] } }).MonacoPerformanceMarks?.getMarks() ?? [];
    const own = active ? marks.filter((m) => m.name.startsWith('code/extHost/') && m.name.endsWith(`/${active.id}`)) : [];
    if (active && own.some((m) => m.name.includes('didActivateExtension'))) {
      const connectionState = await firstLoad(active.exports);
      const report: ProbeReport = {
        id: active.id,
        connectionState,
        marks: Object.fromEntries(own.map((m) => [m.name.split('/')[2] as string, m.startTime])),
        gitBundleLoaded: Object.keys(require.cache).some((file) => /[\\/]dist[\\/]git\.js$/.test(file)),
      };
      console.log(PROBE_PREFIX + JSON.stringify(report));
      return;
    }
    if (Date.now() > deadline) throw new Error('no measured extension became active within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Our extension loads the conversation list right after activate returns; wait for that
 * so the benchmark sees its requests arrive (after, never before, activation).
 */
async function firstLoad(api: unknown): Promise<string | undefined> {
  const state = (api as { connectionState?: () => string } | undefined)?.connectionState;
  if (!state) return undefined;
  const deadline = Date.now() + 5_000;
  while (!['ready', 'keyRejected', 'unreachable'].includes(state()) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return state();
}
