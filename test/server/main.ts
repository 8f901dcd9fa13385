// `npm run server`: the embedded OpenHands server on wall time, for manual demos.
// Env: PORT (default 0 = free port), OPENHANDS_MODE = v1 | v0 | both (default v1).
import { DEMO_API_KEY, startOpenHandsServer } from './openHandsServer';
import type { ApiMode } from './serverState';

const MODES: readonly ApiMode[] = ['v1', 'v0', 'both'];

async function main(): Promise<void> {
  const mode = (process.env.OPENHANDS_MODE ?? 'v1').toLowerCase();
  if (!MODES.includes(mode as ApiMode)) {
    throw new Error(`OPENHANDS_MODE must be one of ${MODES.join(', ')}, got "${mode}"`);
  }
  const port = Number.parseInt(process.env.PORT ?? '0', 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  }
  const server = await startOpenHandsServer({ port, mode: mode as ApiMode, clock: 'real' });
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  // Before printing the URL: whoever waits for that line may signal us right after it.
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`OpenHands test server: ${server.url}`);
  console.log(`Demo API key: ${DEMO_API_KEY}`);
  console.log(`Mode: ${mode}. Put [scenario:question|fail|startError|paused|confirm|slow] in a task to pick its scenario.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
