// Validates server replies against OpenHands' published OpenAPI files (read at run time from
// the shared folder, never copied into the repository).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export type SpecName = 'v1' | 'v0';

const FILES: Record<SpecName, string> = { v1: 'openhands-cloud.json', v0: 'V0_openapi.json' };
const IDS: Record<SpecName, string> = { v1: 'https://openhands.test/openhands-cloud.json', v0: 'https://openhands.test/V0_openapi.json' };

/** `OPENHANDS_OPENAPI_DIR`, else `<repo root>/../shared/openapi` (out/test/unit/server → root). */
export function specDirectory(): string {
  return process.env.OPENHANDS_OPENAPI_DIR ?? path.resolve(__dirname, '../../../..', '../shared/openapi');
}

export function missingSpecFiles(dir: string): string[] {
  return Object.values(FILES).filter((file) => !existsSync(path.join(dir, file)));
}

const pointer = (segments: readonly string[]): string =>
  segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

export class SpecValidator {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly docs: Record<SpecName, any>;

  constructor(dir: string) {
    addFormats(this.ajv);
    this.ajv.addFormat('password', true); // pydantic SecretStr: any string
    this.docs = { v1: this.load(dir, 'v1'), v0: this.load(dir, 'v0') };
  }

  private load(dir: string, name: SpecName): unknown {
    const doc = JSON.parse(readFileSync(path.join(dir, FILES[name]), 'utf8')) as object;
    this.ajv.addSchema(doc, IDS[name]);
    return doc;
  }

  /** Whether the spec documents this response (path, method and status). */
  hasResponse(spec: SpecName, method: string, route: string, status: number): boolean {
    return this.docs[spec].paths?.[route]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.['application/json'] !== undefined;
  }

  /** Validates a response body; throws with ajv's errors when it does not match. */
  check(spec: SpecName, method: string, route: string, status: number, body: unknown): void {
    if (!this.hasResponse(spec, method, route, status)) {
      throw new Error(`${FILES[spec]} has no JSON ${status} response for ${method} ${route}`);
    }
    const ref = `${IDS[spec]}#/${pointer(['paths', route, method.toLowerCase(), 'responses', String(status), 'content', 'application/json', 'schema'])}`;
    this.validate(ref, body, `${method} ${route} ${status}`);
  }

  /** Validates against a component schema, e.g. `AppConversation`. */
  checkComponent(spec: SpecName, name: string, body: unknown): void {
    this.validate(`${IDS[spec]}#/${pointer(['components', 'schemas', name])}`, body, name);
  }

  private validate(ref: string, body: unknown, label: string): void {
    const validate = this.ajv.getSchema(ref);
    if (!validate) throw new Error(`schema not found: ${ref}`);
    if (!validate(body)) {
      const errors = (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
      throw new Error(`${label} does not match the spec:\n  ${errors.join('\n  ')}\nbody: ${JSON.stringify(body).slice(0, 1500)}`);
    }
  }
}
