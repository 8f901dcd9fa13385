// Waiting for something that is not a DOM element (a server request, a status-bar text): poll
// a probe until it returns a value, and say what was last seen when it never does.

export interface WaitUntilOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** Names the wait in the timeout error. */
  readonly what?: string;
}

/**
 * Calls `probe` until it returns something other than undefined/false and returns that. A
 * probe that throws counts as "not yet"; the last error or value is in the timeout message.
 */
export async function waitUntil<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  options: WaitUntilOptions = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 250));
  }
  const seen = last instanceof Error ? last.message : JSON.stringify(last);
  throw new Error(`timed out after ${options.timeoutMs ?? 15_000} ms waiting for ${options.what ?? 'a condition'} (last: ${seen})`);
}
