// How long the server asked us to wait. `Retry-After` comes as seconds or as an HTTP-date
// (RFC 9110 §10.2.3); the cloud limiter also sends `X-RateLimit-Reset` as epoch seconds.

/**
 * A wait longer than this is asked again rather than obeyed: a broken header (or a clock far
 * off) must not silence the extension for hours. Asking again costs one request.
 */
export const MAX_RETRY_AFTER_MS = 15 * 60_000;

/** Milliseconds to wait from `nowMs`, or undefined when the headers say nothing usable. */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  const ms = fromRetryAfter(headers.get('retry-after'), nowMs) ?? fromReset(headers.get('x-ratelimit-reset'), nowMs);
  return ms === undefined ? undefined : Math.min(ms, MAX_RETRY_AFTER_MS);
}

function fromRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Date.parse understands the IMF-fixdate form and the obsolete RFC 850 / asctime forms.
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function fromReset(value: string | null, nowMs: number): number | undefined {
  if (value === null || !/^\d+(\.\d+)?$/.test(value.trim())) return undefined;
  return Math.max(0, Math.round(Number(value.trim()) * 1000 - nowMs));
}
