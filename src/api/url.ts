// Server URL rules: which URLs we accept, how paths join onto the base, and how a URL is
// written to the log without leaking query values.
import { ApiError } from './errors';

export type QueryValue = string | number | boolean | readonly string[] | undefined;
export type Query = Readonly<Record<string, QueryValue>>;

/**
 * Parses the configured server URL. Throws `invalidUrl` for garbage and `insecureUrl` for
 * plain http to anything but this machine: the API key would travel in clear text.
 */
export function parseServerUrl(serverUrl: string): URL {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    throw new ApiError('invalidUrl', { detail: `"${serverUrl}" is not a URL` });
  }
  if (url.username || url.password) {
    throw new ApiError('invalidUrl', { detail: 'the URL must not contain a user name or password' });
  }
  assertAllowedScheme(url);
  // Only the origin and path prefix matter (see resolveUrl); a query or fragment is dropped.
  url.search = '';
  url.hash = '';
  return url;
}

/** http(s) only, and http only to loopback. Applies to every URL we fetch, redirects included. */
export function assertAllowedScheme(url: URL): void {
  if (url.protocol === 'https:') return;
  if (url.protocol !== 'http:') {
    throw new ApiError('invalidUrl', { detail: `unsupported scheme ${url.protocol}` });
  }
  if (!isLoopbackHost(url.hostname)) {
    throw new ApiError('insecureUrl', { detail: `plain http to ${url.host}`, url: url.pathname });
  }
}

/** 127.0.0.0/8, ::1 and localhost never leave the machine, so plain http is acceptable. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  if (host === '::ffff:127.0.0.1' || host === '::ffff:7f00:1') return true;
  const octets = host.split('.');
  return octets.length === 4 && octets[0] === '127' && octets.every((o) => /^\d{1,3}$/.test(o) && Number(o) <= 255);
}

/** `/api/…` joins onto the base (keeping a path prefix); an absolute URL is taken as is. */
export function resolveUrl(base: URL, pathOrUrl: string, query?: Query): URL {
  // URL keeps a bare "/" path, which must not become "//api…" (a protocol-relative URL).
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = /^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl)
    ? new URL(pathOrUrl)
    : new URL(prefix + (pathOrUrl.startsWith('/') ? pathOrUrl : `/${pathOrUrl}`), base.origin);
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [String(value)];
    for (const v of values) url.searchParams.append(name, v);
  }
  return url;
}

/** `GET /api/v1/app-conversations?ids=…` — query names only; values may be ids or tokens. */
export function urlForLog(url: URL, base: URL): string {
  const names = [...new Set(url.searchParams.keys())];
  const query = names.length > 0 ? `?${names.map((n) => `${n}=…`).join('&')}` : '';
  const where = url.origin === base.origin ? '' : url.origin;
  return `${where}${url.pathname}${query}`;
}
