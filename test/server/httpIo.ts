// Reading requests and writing replies. Handlers return a Reply value instead of writing to the
// socket, so faults (delay, trickle, extra headers) apply in one place.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Reply {
  readonly status: number;
  /** Serialised as JSON (`application/json`) unless `raw` is given. */
  readonly body?: unknown;
  /** Sent as-is with `contentType` (HTML page, broken JSON, empty body). */
  readonly raw?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export const json = (status: number, body: unknown): Reply => ({ status, body });
export const detail = (status: number, message: unknown): Reply => json(status, { detail: message });
export const NOT_FOUND: Reply = detail(404, 'Not Found');

/** What a server with the web UI answers for a path it has no API route for (SPA fallback). */
export const SPA_PAGE = `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>OpenHands</title>
    <script type="module" crossorigin src="/assets/root-BvD3kq2x.js"></script>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

export const htmlPage = (): Reply => ({ status: 200, raw: SPA_PAGE, contentType: 'text/html; charset=utf-8' });

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface SendOptions {
  readonly extraHeaders?: Readonly<Record<string, string>>;
  readonly trickleMs?: number;
  /** Registers timers so closing the server can cancel them. */
  readonly later: (ms: number, fn: () => void) => void;
}

export function sendReply(res: ServerResponse, reply: Reply, options: SendOptions): void {
  if (res.destroyed) {
    return;
  }
  const payload = Buffer.from(reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body)), 'utf8');
  res.statusCode = reply.status;
  res.setHeader('Content-Type', reply.contentType ?? 'application/json');
  res.setHeader('Content-Length', payload.length);
  for (const [name, value] of Object.entries({ ...reply.headers, ...options.extraHeaders })) {
    res.setHeader(name, value);
  }
  const trickle = options.trickleMs ?? 0;
  if (trickle <= 0 || payload.length === 0) {
    res.end(payload);
    return;
  }
  res.flushHeaders();
  // Small pieces at most every 10 ms, evenly over the whole time.
  const pieces = Math.max(1, Math.min(payload.length, Math.floor(trickle / 10)));
  const size = Math.ceil(payload.length / pieces);
  const interval = trickle / pieces;
  const writePiece = (i: number): void => {
    if (res.destroyed) {
      return;
    }
    const chunk = payload.subarray(i * size, (i + 1) * size);
    if ((i + 1) * size >= payload.length) {
      res.end(chunk);
    } else {
      res.write(chunk);
      options.later(interval, () => writePiece(i + 1));
    }
  };
  options.later(interval, () => writePiece(0));
}
