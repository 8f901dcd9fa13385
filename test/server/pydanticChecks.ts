// Field checks that fail the way FastAPI/pydantic v2 do, so clients see real 422 bodies:
// {"detail":[{"type","loc","msg","input","ctx"?}]}.
import type { Reply } from './httpIo';
import { json } from './httpIo';
import { normalizeUuid } from './ids';

export type Loc = readonly (string | number)[];

export interface ValidationIssue {
  readonly type: string;
  readonly loc: Loc;
  readonly msg: string;
  readonly input: unknown;
  readonly ctx?: Record<string, unknown>;
}

export class Issues {
  readonly list: ValidationIssue[] = [];

  add(type: string, loc: Loc, msg: string, input: unknown, ctx?: Record<string, unknown>): false {
    this.list.push(ctx ? { type, loc, msg, input, ctx } : { type, loc, msg, input });
    return false;
  }

  get ok(): boolean {
    return this.list.length === 0;
  }

  reply(): Reply {
    return json(422, { detail: this.list });
  }
}

/** "'a', 'b' or 'c'" as pydantic lists expected values. */
export function expectedList(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function checkString(issues: Issues, value: unknown, loc: Loc, nullable = true): boolean {
  if ((nullable && value === null) || typeof value === 'string') return true;
  return issues.add('string_type', loc, 'Input should be a valid string', value);
}

const TRUE_WORDS = ['true', 'yes', 'on', '1', 't', 'y'];
const FALSE_WORDS = ['false', 'no', 'off', '0', 'f', 'n'];

/** Pydantic's lax bool: booleans, 0/1 and words like "true"/"no" pass. */
export function checkBool(issues: Issues, value: unknown, loc: Loc, nullable = true): boolean {
  if ((nullable && value === null) || typeof value === 'boolean' || value === 0 || value === 1) return true;
  if (typeof value === 'string' && [...TRUE_WORDS, ...FALSE_WORDS].includes(value.toLowerCase())) return true;
  if (typeof value === 'string') {
    return issues.add('bool_parsing', loc, 'Input should be a valid boolean, unable to interpret input', value);
  }
  return issues.add('bool_type', loc, 'Input should be a valid boolean', value);
}

export function checkEnum(issues: Issues, value: unknown, loc: Loc, values: readonly string[], nullable = true): boolean {
  if ((nullable && value === null) || (typeof value === 'string' && values.includes(value))) return true;
  const expected = expectedList(values);
  return issues.add('enum', loc, `Input should be ${expected}`, value, { expected });
}

export function checkLiteral(issues: Issues, value: unknown, loc: Loc, literal: string): boolean {
  if (value === literal) return true;
  return issues.add('literal_error', loc, `Input should be '${literal}'`, value, { expected: `'${literal}'` });
}

export function checkUuid(issues: Issues, value: unknown, loc: Loc, nullable = true): boolean {
  if ((nullable && value === null) || (typeof value === 'string' && normalizeUuid(value) !== null)) return true;
  if (typeof value !== 'string') return issues.add('uuid_type', loc, 'UUID input should be a string, bytes or UUID object', value);
  return issues.add('uuid_parsing', loc, 'Input should be a valid UUID, unable to parse string as a UUID', value);
}

export function checkList(issues: Issues, value: unknown, loc: Loc, nullable = true): value is unknown[] {
  if (Array.isArray(value)) return true;
  if (!(nullable && value === null)) issues.add('list_type', loc, 'Input should be a valid list', value);
  return false;
}

export function checkIntList(issues: Issues, value: unknown, loc: Loc): boolean {
  if (!checkList(issues, value, loc, false)) return false;
  let ok = true;
  value.forEach((item, i) => {
    if (!Number.isInteger(item)) ok = issues.add('int_type', [...loc, i], 'Input should be a valid integer', item);
  });
  return ok;
}

/** Nested models: pydantic names the class when the input is not an object. */
export function checkModel(issues: Issues, value: unknown, loc: Loc, className: string): value is Record<string, unknown> {
  if (isObject(value)) return true;
  if (value !== null) {
    issues.add('model_type', loc, `Input should be a valid dictionary or instance of ${className}`, value, { class_name: className });
  }
  return false;
}

export function checkNoExtra(issues: Issues, value: Record<string, unknown>, loc: Loc, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) issues.add('extra_forbidden', [...loc, key], 'Extra inputs are not permitted', value[key]);
  }
}

/** The request body must be a JSON object (FastAPI: model_attributes_type / missing / json_invalid). */
export function bodyObject(issues: Issues, raw: string, parsed: unknown): Record<string, unknown> | null {
  if (raw.trim() === '') {
    issues.add('missing', ['body'], 'Field required', null);
    return null;
  }
  if (parsed === undefined) {
    issues.add('json_invalid', ['body', 0], 'JSON decode error', {}, { error: 'Expecting value' });
    return null;
  }
  if (!isObject(parsed)) {
    issues.add('model_attributes_type', ['body'], 'Input should be a valid dictionary or object to extract fields from', parsed);
    return null;
  }
  return parsed;
}
