// Reads a response body with a size cap and under the request's signal. fetch's own abort
// only covers real sockets; reading chunk by chunk against the signal also stops a slowly
// trickling body from a fake or a proxy, and the cap stops a runaway one.
import { ApiError } from './errors';

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The body as UTF-8 text. Rejects with the signal's reason when it aborts mid-body. */
export async function readBodyText(
  response: Response,
  signal: AbortSignal,
  maxBytes: number,
  url: string,
): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    discardBody(response);
    throw tooLarge(maxBytes, url);
  }
  if (!response.body) return '';
  const chunks = await readChunks(response.body.getReader(), signal, maxBytes, url);
  return new TextDecoder('utf-8').decode(concat(chunks));
}

async function readChunks(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal,
  maxBytes: number,
  url: string,
): Promise<Uint8Array[]> {
  signal.throwIfAborted();
  let onAbort: () => void = () => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined); // only ever observed through Promise.race below
  const chunks: Uint8Array[] = [];
  let total = 0;
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await Promise.race([reader.read(), aborted]);
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw tooLarge(maxBytes, url);
      chunks.push(value);
    }
    finished = true;
    return chunks;
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (!finished) void reader.cancel().catch(() => undefined);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function tooLarge(maxBytes: number, url: string): ApiError {
  return new ApiError('malformed', { url, detail: `the answer is larger than ${maxBytes} bytes` });
}

/**
 * Frees the connection of an answer we will not read. Not awaited: cancelling one branch
 * of a cloned (tee'd) body only settles once the other branch is cancelled too.
 */
export function discardBody(response: Response): void {
  void response.body?.cancel().catch(() => undefined);
}
