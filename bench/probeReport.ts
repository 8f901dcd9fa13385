// What the in-host activation probe prints, shared with the benchmark (no `vscode` import).
export const PROBE_PREFIX = 'BENCH_ACTIVATION ';

export interface ProbeReport {
  readonly id: string;
  /** willLoadExtensionCode, didLoadExtensionCode, willActivateExtension, didActivateExtension: epoch ms. */
  readonly marks: Record<string, number>;
  /** Whether the lazily loaded git bundle (simple-git) was loaded by the time we looked. */
  readonly gitBundleLoaded: boolean;
  /** Ours: the connection state once its first load (after activation) settled. */
  readonly connectionState?: string;
}
