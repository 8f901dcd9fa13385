// What the clients sent, so tests can assert on requests (batching, headers, no retries…).

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  /** The query string as sent, without `?`. */
  readonly rawQuery: string;
  /** Parsed query; repeated keys (`ids=a&ids=b`) keep every value in order. */
  readonly query: Record<string, string[]>;
  /** Lower-cased names; repeated headers joined with `, `. */
  readonly headers: Record<string, string>;
  /** Parsed JSON, else the text, else null when there was no body. */
  readonly body: unknown;
  /** Server clock (ms) when it arrived. */
  readonly at: number;
}

export function queryMultiMap(search: URLSearchParams): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, value] of search) {
    (result[key] ??= []).push(value);
  }
  return result;
}

export function parseBodyForLog(raw: string): unknown {
  if (raw === '') {
    return null;
  }
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
