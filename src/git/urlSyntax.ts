// Splits a git remote URL into its pieces, following git's own rules for telling URLs,
// scp-like SSH addresses and local paths apart. No meaning is given to the path here.

/** The pieces of a remote address. Never carries a password. */
export interface UrlParts {
  /** `url` for `scheme://…`, `scp` for `[user@]host:path`. */
  readonly form: 'url' | 'scp';
  /** Lower-case; only for the `url` form. */
  readonly scheme?: string;
  /** Login name (the part of the user info before any `:`), when present. */
  readonly user?: string;
  /** Lower-case, without port, brackets or trailing dot. */
  readonly host: string;
  readonly port?: string;
  /** Raw path text after the host, without query or fragment; may be empty. */
  readonly path: string;
}

// Whitespace and control characters never appear in a working remote; they are a sign of
// a pasted or crafted value, and would make the value unsafe to show or pass on.
const UNSAFE_CHARACTERS = /[\s\u0000-\u001f\u007f]/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
// `ext::`, `fd::` and friends select a remote helper: git runs a program, there is no repository.
const TRANSPORT_HELPER = /^[a-z][a-z0-9+.-]*::/i;
const SUPPORTED_SCHEMES: ReadonlySet<string> = new Set(['https', 'http', 'ssh', 'git', 'git+ssh', 'ssh+git']);
// Underscores are not valid DNS but do occur on internal networks (container names).
const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/;
const IPV6 = /^[0-9a-f:.]+$/;
const SSH_LIKE_SCHEMES: ReadonlySet<string> = new Set(['ssh', 'git+ssh', 'ssh+git']);

/** `undefined` for local paths, `file://`, helper transports and anything malformed. */
export function splitRemoteUrl(url: string): UrlParts | undefined {
  // Backslashes only occur in Windows paths (`C:\repos\x`, `\\server\share`).
  if (url === '' || UNSAFE_CHARACTERS.test(url) || TRANSPORT_HELPER.test(url) || url.includes('\\')) {
    return undefined;
  }
  const scheme = SCHEME.exec(url);
  if (scheme) {
    return splitUrlForm(scheme[1]!.toLowerCase(), url.slice(scheme[0].length));
  }
  return splitScpForm(url);
}

/** True when the address is used over SSH, where the user name is a login and not a secret. */
export function isSshLike(parts: UrlParts): boolean {
  return parts.form === 'scp' || SSH_LIKE_SCHEMES.has(parts.scheme ?? '');
}

function splitUrlForm(scheme: string, rest: string): UrlParts | undefined {
  if (!SUPPORTED_SCHEMES.has(scheme)) {
    return undefined;
  }
  // Like git, the authority ends at the first slash; the user info ends at its last `@`
  // (an unencoded `@` in a password is common enough in hand-written URLs).
  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '' : rest.slice(slash).replace(/[?#][^]*$/, '');
  const at = authority.lastIndexOf('@');
  const address = splitHostPort(authority.slice(at + 1));
  const user = at < 0 ? undefined : loginName(authority.slice(0, at));
  if (!address || user === null) {
    return undefined;
  }
  return { form: 'url', scheme, ...address, ...(user !== undefined && { user }), path };
}

function splitScpForm(url: string): UrlParts | undefined {
  const bracketed = /^(?:([^@/]*)@)?\[([^\]/]*)\]:([^]*)$/.exec(url);
  let userText: string | undefined;
  let hostText: string;
  let path: string;
  if (bracketed) {
    [, userText, hostText = '', path = ''] = bracketed;
    hostText = `[${hostText}]`;
  } else {
    // git's rule: a colon before the first slash means SSH, anything else is a local path.
    const colon = url.indexOf(':');
    const slash = url.indexOf('/');
    if (colon < 0 || (slash >= 0 && slash < colon)) {
      return undefined;
    }
    const userHost = url.slice(0, colon);
    const at = userHost.lastIndexOf('@');
    userText = at < 0 ? undefined : userHost.slice(0, at);
    hostText = userHost.slice(at + 1);
    path = url.slice(colon + 1);
  }
  const address = splitHostPort(hostText);
  const user = userText === undefined ? undefined : loginName(userText);
  // A one-letter "host" is a Windows drive (`C:/repos/x`); an scp address has no port.
  if (!address || address.port !== undefined || address.host.length < 2 || user === null) {
    return undefined;
  }
  return { form: 'scp', host: address.host, ...(user !== undefined && { user }), path };
}

function splitHostPort(text: string): { host: string; port?: string } | undefined {
  const match = /^\[([^\]]*)\](?::(\d*))?$/.exec(text) ?? /^([^:[\]]*)(?::(\d*))?$/.exec(text);
  if (!match) {
    return undefined;
  }
  const bracketed = text.startsWith('[');
  const host = match[1]!.toLowerCase().replace(/\.$/, '');
  const port = match[2] || undefined;
  const validHost = bracketed ? IPV6.test(host) && host.includes(':') : HOST_NAME.test(host);
  if (!validHost || (port !== undefined && (Number(port) < 1 || Number(port) > 65535))) {
    return undefined;
  }
  return port === undefined ? { host } : { host, port };
}

/**
 * The login name from user info, dropping any password. `undefined` when there is none;
 * `null` when it starts with `-`, which only a crafted URL does (ssh option injection).
 */
function loginName(userInfo: string): string | undefined | null {
  const name = userInfo.split(':', 1)[0] ?? '';
  if (name.startsWith('-')) {
    return null;
  }
  return name === '' ? undefined : name;
}
