// API-key checks as the cloud middleware does them (contract §6.1, §6.2): a Bearer token,
// or the same key in X-Access-Token / X-Session-API-Key; failures are 401 {"error": …}.
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './httpIo';
import { json } from './httpIo';

export type AuthResult = { readonly ok: true; readonly keyIndex: number } | { readonly ok: false; readonly reply: Reply };

const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/** The first credential present decides, as in the cloud's auth chain. */
export function authenticate(headers: IncomingHttpHeaders, keys: readonly string[]): AuthResult {
  const authorization = header(headers, 'authorization');
  let presented: string | undefined;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    presented = match ? match[1].trim() : '';
  } else {
    presented = header(headers, 'x-access-token') ?? header(headers, 'x-session-api-key');
  }
  if (presented === undefined) {
    return { ok: false, reply: json(401, { error: 'NoCredentialsError' }) };
  }
  const keyIndex = keys.indexOf(presented);
  return keyIndex >= 0 ? { ok: true, keyIndex } : { ok: false, reply: json(401, { error: 'failed to authenticate' }) };
}
