// How a failed background request (load, poll, lookup) changes the connection state, and
// the sentence that says what is wrong. Host-free, so the mapping is unit-tested.
import type { ApiError } from '../api/errors';
import { describeApiError } from '../api/errors';
import type { ConnectionState } from './contextKeys';

/** The state a failure moves the view to; undefined leaves it as it is. */
export function stateAfterFailure(error: ApiError): ConnectionState | undefined {
  switch (error.kind) {
    case 'unauthorized':
      return error.status === undefined ? 'none' : 'keyRejected'; // no status: no key set
    case 'forbidden':
      return 'keyRejected'; // the key may not see this organisation any more
    case 'network':
    case 'timeout':
    case 'server':
    case 'notOpenHands':
    case 'redirected':
    case 'insecureUrl':
    case 'invalidUrl':
      return 'unreachable';
    default:
      // rateLimited, malformed, a 4xx about one request: the server is there and answers.
      return undefined;
  }
}

/** Failures that go away by themselves (the server comes back): worth trying again later. */
export function isTransient(error: ApiError): boolean {
  return !['unauthorized', 'forbidden', 'insecureUrl', 'invalidUrl', 'cancelled'].includes(error.kind);
}

/** Same kind and status as the failure before: a streak that was already logged. */
export function failureSignature(error: ApiError): string {
  return `${error.kind}|${error.status ?? ''}|${error.code ?? ''}`;
}

/** One line for the view: what is wrong and whether the extension keeps trying. */
export function problemMessage(error: ApiError, serverUrl: string): string {
  const what = describeApiError(error, serverUrl);
  return isTransient(error) ? `${what} Retrying automatically.` : what;
}
