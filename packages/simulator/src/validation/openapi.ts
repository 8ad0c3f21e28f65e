import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { OpenApiDoc } from './load';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** One operation of the document. */
export interface DocOperation {
  operationId: string;
  method: string;
  path: string;
  /** Pointer (inside the doc) to the operation object. */
  pointer: string;
  op: Record<string, unknown>;
  pathItem: Record<string, unknown>;
}

interface ParamDef {
  name: string;
  in: string;
  required?: boolean;
  schema?: unknown;
}

const esc = (s: string): string => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

/** Validates requests and responses against docs/openapi.json (OpenAPI 3.1 = JSON Schema 2020-12). */
export class OpenApiValidator {
  readonly operations: DocOperation[] = [];
  private readonly byId = new Map<string, DocOperation>();
  private readonly byRoute = new Map<string, DocOperation>();
  /** Responses: full checks including formats (uri, date-time, email). */
  private readonly ajv: Ajv2020;
  /** Requests: types, required, enums; formats are checked by the handlers with clearer messages. */
  private readonly bodies: Ajv2020;
  private readonly coercing: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly doc: OpenApiDoc) {
    const make = (coerce: boolean, formats: boolean): Ajv2020 => {
      const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false, coerceTypes: coerce, useDefaults: false, validateFormats: formats });
      if (formats) addFormats(ajv);
      ajv.addSchema(doc as object, 'openapi');
      return ajv;
    };
    this.ajv = make(false, true);
    this.bodies = make(false, false);
    this.coercing = make(true, false);
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const m of METHODS) {
        const op = item[m] as Record<string, unknown> | undefined;
        if (!op) continue;
        const d: DocOperation = { operationId: String(op.operationId), method: m.toUpperCase(), path: p, pointer: `/paths/${esc(p)}/${m}`, op, pathItem: item };
        this.operations.push(d);
        this.byId.set(d.operationId, d);
        this.byRoute.set(`${d.method} ${normalise(p)}`, d);
      }
    }
  }

  /** The operation for a method and path template (trailing slash and parameter names ignored). */
  find(method: string, pathTemplate: string): DocOperation | undefined {
    return this.byRoute.get(`${method.toUpperCase()} ${normalise(pathTemplate)}`);
  }

  byOperationId(id: string): DocOperation | undefined {
    return this.byId.get(id);
  }

  /**
   * Validates (and coerces in place) path or query parameters. Returns an error message naming
   * the parameter, or undefined when valid.
   */
  checkParams(d: DocOperation, where: 'path' | 'query', values: Record<string, unknown>): string | undefined {
    const key = `${d.pointer}|${where}`;
    let v = this.cache.get(key);
    if (!v) {
      const params = this.params(d).filter((p) => p.in === where);
      const properties: Record<string, unknown> = {};
      for (const p of params) properties[p.name] = { $ref: `openapi#${p.pointer}/schema` };
      v = this.coercing.compile({ type: 'object', properties, required: params.filter((p) => p.required).map((p) => p.name) });
      this.cache.set(key, v);
    }
    if (v(values)) return undefined;
    return describe(v.errors, `${where} parameter`);
  }

  /** Validates a JSON request body; returns an error message or undefined. */
  checkBody(d: DocOperation, body: unknown): string | undefined {
    const rb = d.op.requestBody as { content?: Record<string, { schema?: unknown }>; required?: boolean } | undefined;
    if (!rb?.content?.['application/json']?.schema) return undefined;
    const key = `${d.pointer}|body`;
    let v = this.cache.get(key);
    if (!v) {
      v = this.bodies.compile({ $ref: `openapi#${d.pointer}/requestBody/content/${esc('application/json')}/schema` });
      this.cache.set(key, v);
    }
    if (v(body ?? {})) return undefined;
    return describe(v.errors, 'request body');
  }

  /**
   * Validates a response body for an operation and status against the documented schema.
   * Returns a list of problems (empty when valid).
   */
  checkResponse(operationId: string, status: number, body: unknown): string[] {
    const d = this.byId.get(operationId);
    if (!d) return [`operation '${operationId}' is not in the document`];
    const responses = (d.op.responses ?? {}) as Record<string, { content?: Record<string, { schema?: unknown }> }>;
    const code = String(status);
    const key = responses[code] ? code : responses[`${code[0]}XX`] ? `${code[0]}XX` : responses.default ? 'default' : undefined;
    if (!key) return [`status ${status} is not documented for ${operationId} (documented: ${Object.keys(responses).join(', ')})`];
    const content = responses[key].content ?? {};
    const media = Object.keys(content).find((c) => c.includes('json'));
    if (!media || !content[media].schema) return [];
    const cacheKey = `${d.pointer}|resp|${key}`;
    let v = this.cache.get(cacheKey);
    if (!v) {
      v = this.ajv.compile({ $ref: `openapi#${d.pointer}/responses/${esc(key)}/content/${esc(media)}/schema` });
      this.cache.set(cacheKey, v);
    }
    if (v(body)) return [];
    return (v.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'invalid'}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }

  private params(d: DocOperation): Array<ParamDef & { pointer: string }> {
    const out: Array<ParamDef & { pointer: string }> = [];
    const collect = (list: unknown, base: string): void => {
      if (!Array.isArray(list)) return;
      list.forEach((p: ParamDef & { $ref?: string }, i) => {
        if (p.$ref?.startsWith('#/')) {
          const pointer = p.$ref.slice(1);
          out.push({ ...(resolvePointer(this.doc, pointer) as ParamDef), pointer });
        } else {
          out.push({ ...p, pointer: `${base}/parameters/${i}` });
        }
      });
    };
    collect(d.pathItem.parameters, d.pointer.replace(/\/[a-z]+$/, ''));
    collect(d.op.parameters, d.pointer);
    return out;
  }
}

function normalise(p: string): string {
  return p.replace(/\{[^}]+\}|:[A-Za-z_]+/g, '{}').replace(/\/+$/, '');
}

function resolvePointer(doc: unknown, pointer: string): unknown {
  let cur = doc as Record<string, unknown>;
  for (const raw of pointer.split('/').slice(1)) {
    cur = cur?.[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown>;
  }
  return cur;
}

/** Turns the first ajv error into a message that names the field and what was wrong. */
function describe(errors: ErrorObject[] | null | undefined, where: string): string {
  const e = errors?.[0];
  if (!e) return `invalid ${where}`;
  const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    const name = field ? `${field}.${String(p.missingProperty)}` : String(p.missingProperty);
    return `${where} '${name}' is required`;
  }
  if (e.keyword === 'enum') return `${where} '${field}' must be one of: ${(p.allowedValues as unknown[]).join(', ')}`;
  if (e.keyword === 'additionalProperties') return `${where} has unknown field '${String(p.additionalProperty)}'`;
  return `${where} '${field || '(root)'}' ${e.message ?? 'is invalid'}`;
}
