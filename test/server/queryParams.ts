// Query parameters read the way FastAPI reads them, collecting 422 issues on the way.
import { parseIsoDate } from './ids';
import { Issues, expectedList } from './pydanticChecks';

export class QueryReader {
  readonly issues = new Issues();

  constructor(private readonly query: URLSearchParams) {}

  /** The last value wins for scalar parameters, as in Starlette. */
  private get(name: string): string | null {
    const values = this.query.getAll(name);
    return values.length === 0 ? null : values[values.length - 1];
  }

  str(name: string): string | null {
    return this.get(name);
  }

  list(name: string): string[] {
    return this.query.getAll(name);
  }

  /** `limit`-style integers: gt/le bounds as in the spec (`exclusiveMinimum` 0, `maximum` 100). */
  int(name: string, fallback: number, bounds: { gt?: number; ge?: number; le?: number } = {}): number {
    const raw = this.get(name);
    if (raw === null) return fallback;
    if (!/^\s*[+-]?\d+\s*$/.test(raw)) {
      this.issues.add('int_parsing', ['query', name], 'Input should be a valid integer, unable to parse string as an integer', raw);
      return fallback;
    }
    const value = Number.parseInt(raw, 10);
    if (bounds.gt !== undefined && !(value > bounds.gt)) {
      this.issues.add('greater_than', ['query', name], `Input should be greater than ${bounds.gt}`, raw, { gt: bounds.gt });
    } else if (bounds.ge !== undefined && value < bounds.ge) {
      this.issues.add('greater_than_equal', ['query', name], `Input should be greater than or equal to ${bounds.ge}`, raw, { ge: bounds.ge });
    } else if (bounds.le !== undefined && value > bounds.le) {
      this.issues.add('less_than_equal', ['query', name], `Input should be less than or equal to ${bounds.le}`, raw, { le: bounds.le });
    }
    return value;
  }

  enumOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const raw = this.get(name);
    if (raw === null) return fallback;
    if ((values as readonly string[]).includes(raw)) return raw as T;
    const expected = expectedList(values);
    this.issues.add('enum', ['query', name], `Input should be ${expected}`, raw, { expected });
    return fallback;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.get(name);
    if (raw === null) return fallback;
    const lower = raw.toLowerCase();
    if (['true', '1', 'yes', 'on', 't', 'y'].includes(lower)) return true;
    if (['false', '0', 'no', 'off', 'f', 'n'].includes(lower)) return false;
    this.issues.add('bool_parsing', ['query', name], 'Input should be a valid boolean, unable to interpret input', raw);
    return fallback;
  }

  /** date-time filters (`created_at__gte`…), as epoch ms. */
  date(name: string): number | null {
    const raw = this.get(name);
    if (raw === null) return null;
    const ms = parseIsoDate(raw);
    if (ms === null) {
      this.issues.add('datetime_from_date_parsing', ['query', name], 'Input should be a valid datetime or date, invalid character in year', raw, { error: 'invalid character in year' });
    }
    return ms;
  }
}
