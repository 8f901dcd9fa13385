import * as assert from 'node:assert/strict';
import { errorDetailFromJson, errorDetailFromText } from '../../../src/api/errorBody';
import type { ApiErrorKind } from '../../../src/api/errors';
import { ApiError, describeApiError, isApiError, kindForStatus } from '../../../src/api/errors';
import { serverTitle } from '../../../src/api/titles';

const SERVER = 'https://app.all-hands.dev/';

describe('ApiError', () => {
  it('maps every status to its kind', () => {
    const cases: [number, ApiErrorKind][] = [
      [400, 'validation'],
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'notFound'],
      [408, 'timeout'],
      [409, 'conflict'],
      [410, 'gone'],
      [422, 'validation'],
      [429, 'rateLimited'],
      [500, 'server'],
      [502, 'server'],
      [503, 'server'],
      [599, 'server'],
      [405, 'unexpectedStatus'],
      [418, 'unexpectedStatus'],
      [304, 'unexpectedStatus'],
    ];
    for (const [status, kind] of cases) assert.equal(kindForStatus(status), kind, String(status));
  });

  it('carries kind, status, detail and path; the message is for developers', () => {
    const err = new ApiError('conflict', { status: 409, detail: 'Sandbox is PAUSED', url: '/api/v1/x' });
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'ApiError');
    assert.equal(err.message, 'conflict HTTP 409 /api/v1/x: Sandbox is PAUSED');
    assert.ok(isApiError(err));
    assert.ok(isApiError(err, 'conflict'));
    assert.ok(!isApiError(err, 'gone'));
    assert.ok(!isApiError(new Error('x')));
  });
});

describe('error body shapes (§6.2)', () => {
  const cases: [string, unknown, string | undefined][] = [
    ['detail string', { detail: 'Conversation not found' }, 'Conversation not found'],
    ['detail object with code', { detail: { code: 'provider_reconnect_required' } }, 'provider_reconnect_required'],
    ['detail object with message', { detail: { message: 'Nope', code: 'x' } }, 'Nope'],
    ['detail object without words', { detail: { a: 1 } }, '{"a":1}'],
    [
      '422 list names the field',
      { detail: [{ loc: ['body', 'initial_message', 'content'], msg: 'Field required', type: 'missing' }] },
      'initial_message.content: Field required',
    ],
    [
      '422 list with several items',
      { detail: [{ loc: ['query', 'limit'], msg: 'too big' }, { loc: ['body'], msg: 'bad' }] },
      'limit: too big; body: bad',
    ],
    ['cloud middleware error', { error: 'failed to authenticate' }, 'failed to authenticate'],
    ['bare JSON string', 'Invalid GitHub token', 'Invalid GitHub token'],
    [
      'V0 status/message/msg_id',
      { status: 'error', message: 'Settings not found', msg_id: 'CONFIGURATION$SETTINGS_NOT_FOUND' },
      'Settings not found (CONFIGURATION$SETTINGS_NOT_FOUND)',
    ],
    ['V0 msg_id only', { status: 'error', msg_id: 'STATUS$ERROR_LLM_AUTHENTICATION' }, 'STATUS$ERROR_LLM_AUTHENTICATION'],
    ['self-hosted limiter message', { message: 'Too many requests' }, 'Too many requests'],
    ['nothing readable', { foo: 1 }, undefined],
    ['null', null, undefined],
    ['empty string', '  ', undefined],
  ];
  for (const [name, body, expected] of cases) {
    it(name, () => assert.equal(errorDetailFromJson(body), expected));
  }

  it('clips very long details', () => {
    const detail = errorDetailFromJson({ detail: 'x'.repeat(1000) });
    assert.equal(detail?.length, 300);
    assert.ok(detail?.endsWith('…'));
  });

  it('keeps text/plain bodies but never HTML', () => {
    assert.equal(errorDetailFromText('Internal Server Error\n', 'text/plain; charset=utf-8'), 'Internal Server Error');
    assert.equal(errorDetailFromText('<html>oops</html>', 'text/html'), undefined);
  });
});

describe('describeApiError', () => {
  const say = (kind: ApiErrorKind, init: ConstructorParameters<typeof ApiError>[1] = {}): string =>
    describeApiError(new ApiError(kind, init), SERVER);

  it('tells the user to set a new key when the server rejects it', () => {
    assert.equal(
      say('unauthorized', { status: 401, detail: 'failed to authenticate' }),
      'The OpenHands server rejected the API key. Set a new key with “OpenHands: Set API Key…”.',
    );
  });

  it('tells the user to set a key when none is set', () => {
    assert.equal(say('unauthorized', { detail: 'No API key is set.' }), 'No OpenHands API key is set. Set one with “OpenHands: Set API Key…”.');
  });

  it('gives the wait for rate limits', () => {
    assert.equal(say('rateLimited', { status: 429, retryAfterMs: 41_200 }), 'Rate limited by the server; try again in 42 s.');
    assert.equal(say('rateLimited', { status: 429, retryAfterMs: 600_000 }), 'Rate limited by the server; try again in 10 min.');
    assert.equal(say('rateLimited', { status: 429 }), 'Rate limited by the server; try again in a minute.');
  });

  it('names the server URL without a trailing slash for connection problems', () => {
    assert.equal(
      say('network', { detail: 'ECONNREFUSED' }),
      "Can't reach https://app.all-hands.dev — check the URL in the openhands.serverUrl setting and your connection.",
    );
    assert.match(say('notOpenHands'), /^https:\/\/app\.all-hands\.dev does not look like an OpenHands server/);
    assert.match(say('timeout'), /did not answer in time/);
    assert.match(say('insecureUrl'), /plain http.*only allowed for localhost/);
    assert.match(say('invalidUrl'), /not a usable server URL/);
    assert.match(say('redirected', { detail: 'redirects to https://login.example' }), /redirects elsewhere \(redirects to https:\/\/login\.example\)/);
  });

  it("quotes the server's words where they help", () => {
    assert.equal(
      say('validation', { status: 422, detail: 'initial_message.content: Field required' }),
      'The OpenHands server rejected the request (the server said: “initial_message.content: Field required”).',
    );
    assert.match(say('forbidden', { status: 403, detail: 'API key is not authorized for this organization' }), /not authorized for this organization/);
    assert.match(say('server', { status: 502, detail: 'agent server unreachable' }), /HTTP 502.*agent server unreachable.*try again later/);
    assert.match(say('conflict', { status: 409, detail: 'resume first' }), /resume first/);
    assert.match(say('gone', { status: 410 }), /archived.*start a new one/);
    assert.match(say('notFound', { status: 404, url: '/api/v1/x' }), /\/api\/v1\/x/);
    assert.match(say('malformed', { detail: 'expected a JSON array' }), /does not understand \(expected a JSON array\)/);
    assert.match(say('unexpectedStatus', { status: 405 }), /unexpected HTTP status 405/);
    assert.equal(say('cancelled'), 'The request was cancelled.');
  });

  it('has a sentence for every kind, each ending with a full stop', () => {
    const kinds: ApiErrorKind[] = [
      'unauthorized', 'forbidden', 'notFound', 'conflict', 'gone', 'validation', 'rateLimited', 'server',
      'unexpectedStatus', 'timeout', 'network', 'notOpenHands', 'redirected', 'malformed', 'insecureUrl',
      'invalidUrl', 'cancelled',
    ];
    for (const kind of kinds) assert.match(say(kind), /^\S.*\.$/, kind);
  });

  it('describes foreign errors too', () => {
    assert.equal(describeApiError(new Error('boom'), SERVER), 'Unexpected error talking to OpenHands: boom');
  });
});

describe('server titles', () => {
  it('treats the "Conversation 1a2b3" placeholder and blanks as no title', () => {
    assert.equal(serverTitle('Conversation aa02e'), undefined);
    assert.equal(serverTitle('   '), undefined);
    assert.equal(serverTitle(undefined), undefined);
    assert.equal(serverTitle(' Fix the login form '), 'Fix the login form');
    assert.equal(serverTitle('Conversation about caching'), 'Conversation about caching');
  });
});
