// Which API the server speaks (contract §1): V1 if the authenticated count answers JSON, V0
// if that is missing (404 or the web app's HTML) and the V0 list answers JSON.
import { ApiError, isApiError } from './errors';
import type { HttpClient } from './http';
import type { ApiVersion } from './openHandsApi';
import { isRecord } from './wire';

const V1_PROBE = '/api/v1/app-conversations/count';
const V0_PROBE = '/api/conversations';

export async function detectApiVersion(http: HttpClient, signal?: AbortSignal): Promise<ApiVersion> {
  if (await answersJson(http, V1_PROBE, (body) => typeof body === 'number', signal)) return 'v1';
  if (await answersJson(http, V0_PROBE, isRecord, signal, { limit: 1 })) return 'v0';
  throw new ApiError('notOpenHands', {
    detail: `neither ${V1_PROBE} nor ${V0_PROBE} answered with OpenHands JSON`,
  });
}

/**
 * True when the probe answers the expected JSON, false when the route is absent. Anything
 * else (401, 403, 5xx, network) is a real failure and propagates: a rejected key must not
 * be mistaken for an old server.
 */
async function answersJson(
  http: HttpClient,
  path: string,
  expected: (body: unknown) => boolean,
  signal: AbortSignal | undefined,
  query?: Readonly<Record<string, number>>,
): Promise<boolean> {
  try {
    return expected(await http.request({ path, query, signal }));
  } catch (err) {
    if (isApiError(err, 'notFound') || isApiError(err, 'notOpenHands') || isApiError(err, 'malformed')) return false;
    throw err;
  }
}
