import * as assert from 'node:assert/strict';
import type { ApiErrorKind } from '../../../src/api/errors';
import { ApiError } from '../../../src/api/errors';
import { failureSignature, isTransient, problemMessage, stateAfterFailure } from '../../../src/ui/connectionProblem';

describe('connection problems: what the view says after a failed background request', () => {
  const cases: [ApiErrorKind, number | undefined, string | undefined, boolean][] = [
    ['unauthorized', 401, 'keyRejected', false],
    ['unauthorized', undefined, 'none', false], // no key set
    ['forbidden', 403, 'keyRejected', false],
    ['network', undefined, 'unreachable', true],
    ['timeout', undefined, 'unreachable', true],
    ['server', 503, 'unreachable', true],
    ['notOpenHands', 200, 'unreachable', true],
    ['redirected', 302, 'unreachable', true],
    ['insecureUrl', undefined, 'unreachable', false],
    ['invalidUrl', undefined, 'unreachable', false],
    ['rateLimited', 429, undefined, true],
    ['malformed', 200, undefined, true],
    ['validation', 422, undefined, true],
    ['notFound', 404, undefined, true],
  ];
  for (const [kind, status, state, transient] of cases) {
    it(`${kind}${status ? ` ${status}` : ''} → ${state ?? 'state unchanged'}, ${transient ? 'retried by itself' : 'needs the user'}`, () => {
      const error = new ApiError(kind, { status });
      assert.equal(stateAfterFailure(error), state);
      assert.equal(isTransient(error), transient);
    });
  }

  it('says whether it keeps trying', () => {
    assert.match(problemMessage(new ApiError('network', { code: 'ECONNREFUSED' }), 'https://oh.example'), /^Can't reach https:\/\/oh\.example .* Retrying automatically\.$/);
    assert.doesNotMatch(problemMessage(new ApiError('insecureUrl'), 'http://oh.example'), /Retrying/);
  });

  it('tells a streak of the same failure from a new one', () => {
    const refused = failureSignature(new ApiError('network', { code: 'ECONNREFUSED' }));
    assert.equal(failureSignature(new ApiError('network', { code: 'ECONNREFUSED', detail: 'other words' })), refused);
    assert.notEqual(failureSignature(new ApiError('network', { code: 'ECONNRESET' })), refused);
    assert.notEqual(failureSignature(new ApiError('server', { status: 502 })), failureSignature(new ApiError('server', { status: 503 })));
  });
});
