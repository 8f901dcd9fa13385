// Everything the harness starts (code-server's process group, Chromium, the embedded server)
// must die with the runner, including on Ctrl+C: code-server runs in its own process group,
// so the terminal's SIGINT never reaches it on its own.

type Cleanup = () => Promise<void> | void;

const cleanups = new Set<Cleanup>();
const groups = new Set<number>();
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  // Last resort when the runner exits without closing things: synchronous kills only.
  process.once('exit', () => {
    for (const pid of groups) killGroup(pid, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      void runCleanups().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

/** Runs `fn` on Ctrl+C / SIGTERM before the process exits. Returns an unregister function. */
export function registerCleanup(fn: Cleanup): () => void {
  install();
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/** Remembers a detached process group so it is SIGKILLed if the runner exits abruptly. */
export function trackProcessGroup(pid: number): () => void {
  install();
  groups.add(pid);
  return () => groups.delete(pid);
}

export async function runCleanups(): Promise<void> {
  const pending = [...cleanups].reverse();
  cleanups.clear();
  for (const fn of pending) {
    try {
      await fn();
    } catch (err) {
      console.error('cleanup failed:', err);
    }
  }
}

/** Signals a whole process group; false when nothing in it is left. */
export function killGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM the group, then SIGKILL whatever is still there after `graceMs`. */
export async function stopGroup(pid: number, graceMs = 3000): Promise<void> {
  if (!killGroup(pid, 'SIGTERM')) return;
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    if (!killGroup(pid, 0)) return;
  }
  killGroup(pid, 'SIGKILL');
}

/** Runs a runner's main: whatever happens, everything registered is cleaned up, then exit. */
export function runMain(main: () => Promise<number>): void {
  main()
    .catch((err: unknown) => {
      console.error(err);
      return 1;
    })
    .then(async (code) => {
      await runCleanups();
      process.exit(code);
    });
}
