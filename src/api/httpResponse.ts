// Turns a fetch Response into parsed JSON or an ApiError. Split from http.ts so the rules
// for "what counts as an OpenHands answer" sit in one place.
import { ApiError, kindForStatus } from './errors';
import { errorDetailFromJson, errorDetailFromText } from './errorBody';
import { discardBody, readBodyText } from './readBody';
import { retryAfterMs } from './retryAfter';

export interface ResponseContext {
  readonly signal: AbortSignal;
  readonly maxBodyBytes: number;
  /** Path only, for ApiError.url. */
  readonly path: string;
  readonly nowMs: number;
  /** Removed from any server text we keep, in case a server echoes it back. */
  readonly secret?: string;
}

/** The parsed JSON body of a 2xx answer (undefined when empty); throws ApiError otherwise. */
export async function interpretResponse(response: Response, ctx: ResponseContext): Promise<unknown> {
  if (response.status < 200 || response.status > 299) throw await errorFromResponse(response, ctx);
  const contentType = response.headers.get('content-type') ?? '';
  if (response.status === 204) return undefined;
  if (!isJsonContentType(contentType)) {
    discardBody(response);
    throw new ApiError('notOpenHands', {
      status: response.status,
      url: ctx.path,
      detail: `expected JSON, got ${contentType.split(';')[0] || 'no content type'}`,
    });
  }
  const text = await readBodyText(response, ctx.signal, ctx.maxBodyBytes, ctx.path);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError('malformed', { status: response.status, url: ctx.path, detail: 'the JSON answer does not parse' });
  }
}

export function isJsonContentType(contentType: string): boolean {
  return /^\s*application\/([\w.-]+\+)?json\s*(;|$)/i.test(contentType);
}

async function errorFromResponse(response: Response, ctx: ResponseContext): Promise<ApiError> {
  const contentType = response.headers.get('content-type') ?? '';
  let detail: string | undefined;
  try {
    const text = await readBodyText(response, ctx.signal, ctx.maxBodyBytes, ctx.path);
    detail = isJsonContentType(contentType) ? detailFromJsonText(text) : errorDetailFromText(text, contentType);
  } catch (err) {
    // An error body we cannot read still leaves a perfectly good status to report, unless
    // the read failed because the request was aborted: that must surface as such.
    if (ctx.signal.aborted) throw err;
  }
  return new ApiError(kindForStatus(response.status), {
    status: response.status,
    url: ctx.path,
    detail: redact(detail, ctx.secret),
    retryAfterMs: retryAfterMs(response.headers, ctx.nowMs),
  });
}

function detailFromJsonText(text: string): string | undefined {
  try {
    return errorDetailFromJson(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function redact(text: string | undefined, secret: string | undefined): string | undefined {
  if (text === undefined || !secret) return text;
  return text.split(secret).join('***');
}
