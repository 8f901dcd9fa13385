// The one place the runners start the embedded OpenHands server (test/server/), so its
// options and the environment it hands to tests are decided once.
import { DEMO_API_KEY, startOpenHandsServer } from '../server/openHandsServer';
import type { ServerControl } from '../server/serverControl';
import type { ApiMode } from '../server/serverState';

export interface EmbeddedServer {
  /** Base URL without a trailing slash. */
  readonly url: string;
  /** A key the server accepts. */
  readonly apiKey: string;
  /** In-process control (UI tests run in this process); in-host tests use controlClient.ts. */
  readonly control: ServerControl;
  close(): Promise<void>;
}

export interface EmbeddedServerOptions {
  readonly clock: 'real' | 'manual';
  readonly mode?: ApiMode;
  readonly port?: number;
}

/** Environment variables tests read (in the extension host and in the UI runner). */
export function serverEnv(server: EmbeddedServer): Record<string, string> {
  return {
    OPENHANDS_TEST_SERVER_URL: server.url,
    OPENHANDS_TEST_CONTROL_URL: `${server.url}/_control`,
    OPENHANDS_TEST_API_KEY: server.apiKey,
  };
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const server = await startOpenHandsServer({
    clock: options.clock,
    mode: options.mode ?? 'v1',
    ...(options.port === undefined ? {} : { port: options.port }),
  });
  return { url: server.url, apiKey: DEMO_API_KEY, control: server.control, close: () => server.close() };
}
