// Identifier and timestamp formats as the OpenHands app server writes them (contract §2:
// UUIDs serialised as 32-char hex; inputs accept the dashed form too).
import { randomBytes, randomUUID } from 'node:crypto';

export function newHexId(): string {
  return randomUUID().replace(/-/g, '');
}

/** Sandbox ids are opaque runtime ids in the cloud, not UUIDs; a distinct shape catches mix-ups. */
export function newSandboxId(): string {
  return randomBytes(11).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x');
}

export function newSessionKey(): string {
  return `sess-${randomBytes(18).toString('base64url')}`;
}

const HEX32 = /^[0-9a-f]{32}$/;
const DASHED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Canonical 32-hex form of a UUID given in either form, or null when it is not a UUID. */
export function normalizeUuid(input: string): string | null {
  const lower = input.trim().toLowerCase();
  if (HEX32.test(lower)) {
    return lower;
  }
  return DASHED.test(lower) ? lower.replace(/-/g, '') : null;
}

export function dashedUuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Pydantic's rendering of an aware UTC datetime: microseconds and a `Z`. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/**
 * SDK event timestamps are `datetime.now().isoformat()`: naive (no offset) local time of the
 * sandbox, which runs in UTC. Clients that parse them as local time get them wrong; that
 * pitfall is reproduced on purpose.
 */
export function isoNaive(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000');
}

/** Parses an ISO date the way the server reads query filters; naive values count as UTC. */
export function parseIsoDate(text: string): number | null {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(text);
  const ms = Date.parse(hasZone ? text : `${text}Z`);
  return Number.isNaN(ms) ? null : ms;
}

/** Python's repr of a list of strings, as FastAPI error details print them. */
export function pythonListRepr(items: readonly string[]): string {
  return `[${items.map((s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`).join(', ')}]`;
}
