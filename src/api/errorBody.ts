// Pulls the server's own words out of an error body. At least six shapes exist (contract
// §6.2), so be liberal: anything we cannot read simply yields no detail.
import { isRecord } from './wire';

const MAX_DETAIL_CHARS = 300;

/** The human-readable part of a parsed JSON error body, if there is one. */
export function errorDetailFromJson(body: unknown): string | undefined {
  const text = readDetail(body);
  return text === undefined ? undefined : clip(text);
}

/** For text/plain error pages ("Internal Server Error"); HTML is never shown to users. */
export function errorDetailFromText(text: string, contentType: string): string | undefined {
  if (!/^text\/plain/i.test(contentType)) return undefined;
  const trimmed = text.trim();
  return trimmed ? clip(trimmed) : undefined;
}

function readDetail(body: unknown): string | undefined {
  if (typeof body === 'string') return nonEmpty(body); // bare JSON string (git AuthenticationError)
  if (!isRecord(body)) return undefined;
  if ('detail' in body) return detailField(body['detail']);
  if (typeof body['error'] === 'string') return nonEmpty(body['error']); // cloud middleware
  if (typeof body['message'] === 'string') {
    // V0 `{status:"error", message, msg_id}` and the self-hosted limiter's `{message}`
    const msgId = typeof body['msg_id'] === 'string' ? body['msg_id'] : undefined;
    const message = nonEmpty(body['message']);
    if (message && msgId && msgId !== message) return `${message} (${msgId})`;
    return message ?? msgId;
  }
  return typeof body['msg_id'] === 'string' ? nonEmpty(body['msg_id']) : undefined;
}

// FastAPI: `detail` is a string, an object (e.g. `{code}`), or the 422 list of `{loc, msg}`.
function detailField(detail: unknown): string | undefined {
  if (typeof detail === 'string') return nonEmpty(detail);
  if (Array.isArray(detail)) {
    const parts = detail.map(validationItem).filter((p): p is string => p !== undefined);
    return parts.length > 0 ? parts.join('; ') : undefined;
  }
  if (isRecord(detail)) {
    for (const key of ['message', 'msg', 'detail', 'code', 'error']) {
      const value = detail[key];
      if (typeof value === 'string') return nonEmpty(value);
    }
    return clip(JSON.stringify(detail));
  }
  return undefined;
}

function validationItem(item: unknown): string | undefined {
  if (!isRecord(item)) return typeof item === 'string' ? item : undefined;
  const msg = typeof item['msg'] === 'string' ? item['msg'] : 'invalid value';
  const field = fieldName(item['loc']);
  return field ? `${field}: ${msg}` : msg;
}

// loc is like ["body", "initial_message", "content", 0]; the first element only says where
// the value came from, which users don't need.
function fieldName(loc: unknown): string | undefined {
  if (!Array.isArray(loc)) return undefined;
  const parts = loc.filter((p) => typeof p === 'string' || typeof p === 'number').map(String);
  if (parts.length > 1 && ['body', 'query', 'path', 'header'].includes(parts[0] ?? '')) parts.shift();
  return parts.length > 0 ? parts.join('.') : undefined;
}

function nonEmpty(text: string): string | undefined {
  const trimmed = text.trim();
  return trimmed ? trimmed : undefined;
}

function clip(text: string): string {
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS - 1)}…` : text;
}
