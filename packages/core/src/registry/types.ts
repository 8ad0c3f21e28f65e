import type * as z from 'zod';

/** HTTP methods the AIKYNETIX API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** API areas; each becomes a client namespace and an n8n resource. */
export type Area = 'sessions' | 'running' | 'jumping' | 'weightlifting';

/** Where an input field travels in the HTTP request. */
export type ParamLocation = 'path' | 'query' | 'json' | 'form' | 'file';

/** What calling the operation does to the account (drives retries and host labels). */
export type SideEffect = 'none' | 'creates' | 'updates' | 'deletes' | 'generates';

/**
 * One API operation, declared once. Client methods, n8n operations, Zapier actions and the
 * docs table are all derived from these declarations.
 */
export interface OperationDef<
  I extends z.ZodObject = z.ZodObject,
  O extends z.ZodType = z.ZodType,
  A extends Area = Area,
  N extends string = string,
> {
  /** Stable id, `<area>.<name>`, e.g. `running.getGaitAnalysis`. */
  readonly id: `${A}.${N}`;
  readonly area: A;
  /** Method name on the client namespace, e.g. `getGaitAnalysis`. */
  readonly name: N;
  /** The operationId in docs/openapi.json. */
  readonly openapiId: string;
  /** Human label, e.g. "Get Gait Analysis Report". */
  readonly title: string;
  /** One or two sentences for users of the hosts. */
  readonly description: string;
  readonly method: HttpMethod;
  /** Path template with `{param}` placeholders, e.g. `/running/sessions/{session_id}/`. */
  readonly path: string;
  /** Request schema: validated strictly before any network call. */
  readonly input: I;
  /** Where each input field goes. Fields not listed are rejected at declaration time. */
  readonly in: { readonly [K in keyof z.infer<I>]-?: ParamLocation };
  /** Response schema: parsed leniently (unknown fields kept). */
  readonly output: O;
  readonly successStatus: 200 | 201;
  /** True when re-sending the request can never duplicate a side effect (safe to retry). */
  readonly idempotent: boolean;
  readonly sideEffect: SideEffect;
  /**
   * Listing endpoints answer 404 when nothing matches: treat that as an empty result. The output
   * schema parses `{}` to that empty result (`{ sessions: [] }`).
   */
  readonly emptyOn404?: boolean;
  /** `cursor`: the filter endpoint's start_after_id / last_doc_id paging. */
  readonly pagination?: 'cursor';
  /** The operation accepts `demo=true` for the pre-generated demo data. */
  readonly demo?: boolean;
  /** Needs an admin key, or an active paid plan (403/404 otherwise). */
  readonly requires?: 'admin' | 'plan';
}

/** Any operation declaration. */
export type AnyOperation = OperationDef<z.ZodObject, z.ZodType, Area, string>;

/** The validated input type of an operation. */
export type OperationInput<Op extends AnyOperation> = z.input<Op['input']>;
/** The parsed result type of an operation. */
export type OperationOutput<Op extends AnyOperation> = z.output<Op['output']>;
