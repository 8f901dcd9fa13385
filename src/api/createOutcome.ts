// After a create request failed: could the server still have created the conversation? Only
// then is it worth looking it up before telling the user to try again — a Retry after a lost
// answer would start the same task twice.
import type { ApiError } from './errors';
import { isApiError } from './errors';

/** Connection failures that happen before the server could read a single byte. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * True when the request may have reached the server and been acted on although we got no
 * usable answer: a timeout, a reset or closed connection, a 5xx (a gateway may time out after
 * the app created it), or a 2xx we could not read. False when the server clearly said no
 * (4xx), when nothing was sent, or when the connection never opened.
 */
export function mayHaveCreated(error: unknown): boolean {
  if (!isApiError(error)) return true; // something unforeseen: don't assume nothing happened
  if (error.notSent) return false;
  switch (error.kind) {
    case 'timeout':
    case 'server':
    case 'malformed':
    case 'cancelled':
      return true;
    case 'network':
      return !neverConnected(error);
    default:
      // 4xx, a redirect we refused to follow, HTML from a wrong URL, a refused URL.
      return false;
  }
}

function neverConnected(error: ApiError): boolean {
  return error.code !== undefined && NEVER_CONNECTED.has(error.code);
}
