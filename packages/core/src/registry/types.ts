import type * as z from 'zod';

/** HTTP methods the AIKYNETIX API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** API areas; each becomes a client namespace and an n8n resource. */
export type Area = 'sessions' | 'running' | 'jumping' | 'weightlifting';

/** Where an input field travels in the HTTP request. */
export type ParamLocation = 'path' | 'query' | 'json' | 'form' | 'file';

/**
 * What calling the operation does to the account. Hosts label tools with it (the MCP server's
 * read-only/destructive/idempotent annotations); `define.ts` checks it agrees with `idempotent`.
 */
export type SideEffect = 'none' | 'creates' | 'updates' | 'deletes' | 'generates';

/**
 * What a key needs beyond being valid, as the vendor's reference pages state it. The simulator's
 * permission table models the same pages; test/contract checks that the two agree.
 */
export interface Requirements {
  /** Only admin keys may call it (others get 403). */
  readonly admin?: true;
  /** Needs an active paid plan; the status the API answers without one (403 or 404 depending on the page). */
  readonly plan?: 403 | 404;
}

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
   * Listing endpoints answer 404 when nothing matches: the core then parses the documented empty
   * listing (`{ sessions: {}, query_count: 0, … }`, see http/execute.ts) with the output schema.
   */
  readonly emptyOn404?: boolean;
  /** Admin key and/or paid plan; absent when any valid key may call it. */
  readonly requires?: Requirements;
  /**
   * For an operation on one session: it answers whatever the session's status. Without it the API
   * answers 404 until the session is processed (reports and data exist only then).
   */
  readonly anyStatus?: true;
}

/** An operation as written in its area file: `defineArea` adds its id, area and name. */
export type OperationSpec<I extends z.ZodObject = z.ZodObject, O extends z.ZodType = z.ZodType> = Omit<
  OperationDef<I, O>,
  'id' | 'area' | 'name'
>;

/** Any operation declaration. */
export type AnyOperation = OperationDef<z.ZodObject, z.ZodType, Area, string>;

/** The validated input type of an operation. */
export type OperationInput<Op extends AnyOperation> = z.input<Op['input']>;
/** The parsed result type of an operation. */
export type OperationOutput<Op extends AnyOperation> = z.output<Op['output']>;
