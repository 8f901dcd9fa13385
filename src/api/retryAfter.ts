// How long the server asked us to wait. `Retry-After` comes as seconds or as an HTTP-date
// (RFC 9110 §10.2.3); the cloud limiter also sends `X-RateLimit-Reset` as epoch seconds.

/** Milliseconds to wait from `nowMs`, or undefined when the headers say nothing usable. */
export function retryAfterMs(headers: Headers, nowMs: number): number | undefined {
  return fromRetryAfter(headers.get('retry-after'), nowMs) ?? fromReset(headers.get('x-ratelimit-reset'), nowMs);
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
