import * as assert from 'node:assert/strict';
import { mayHaveCreated } from '../../../src/api/createOutcome';
import type { ApiErrorInit, ApiErrorKind } from '../../../src/api/errors';
import { ApiError } from '../../../src/api/errors';

const error = (kind: ApiErrorKind, init: ApiErrorInit = {}): ApiError => new ApiError(kind, init);

describe('mayHaveCreated: could a failed create still have made the conversation?', () => {
  const maybe: [string, ApiError][] = [
    ['a timeout', error('timeout', { detail: 'no complete answer within 60 s' })],
    ['a reset connection', error('network', { code: 'ECONNRESET' })],
    ['a socket closed mid-answer', error('network', { code: 'UND_ERR_SOCKET' })],
    ['a network error without a code', error('network')],
    ['500', error('server', { status: 500 })],
    ['502 from a gateway', error('server', { status: 502 })],
    ['504 from a gateway', error('server', { status: 504 })],
    ['a 200 that does not parse', error('malformed', { status: 200 })],
    ['a cancelled request', error('cancelled')],
  ];
  for (const [what, err] of maybe) it(`yes after ${what}: look it up before offering Retry`, () => assert.equal(mayHaveCreated(err), true));
  it('yes after something that is not an ApiError', () => assert.equal(mayHaveCreated(new TypeError('boom')), true));

  const no: [string, ApiError][] = [
    ['401', error('unauthorized', { status: 401 })],
    ['no key', error('unauthorized')],
    ['403', error('forbidden', { status: 403 })],
    ['404', error('notFound', { status: 404 })],
    ['409', error('conflict', { status: 409 })],
    ['410', error('gone', { status: 410 })],
    ['422', error('validation', { status: 422 })],
    ['429 from the server', error('rateLimited', { status: 429, retryAfterMs: 1000 })],
    ['a rate-limit wait (nothing sent)', error('rateLimited', { retryAfterMs: 1000, notSent: true })],
    ['HTML from a wrong URL', error('notOpenHands', { status: 200 })],
    ['a refused cross-origin redirect', error('redirected', { status: 307 })],
    ['plain http off this machine', error('insecureUrl')],
    ['a bad URL', error('invalidUrl')],
    ['a refused connection', error('network', { code: 'ECONNREFUSED' })],
    ['an unknown host', error('network', { code: 'ENOTFOUND' })],
    ['a certificate the server cannot prove', error('network', { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })],
  ];
  for (const [what, err] of no) it(`no after ${what}: the user may retry at once`, () => assert.equal(mayHaveCreated(err), false));
});
