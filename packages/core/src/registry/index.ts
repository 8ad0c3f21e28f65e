/** The operation registry: every AIKYNETIX operation, declared once. */
import { sessions } from './sessions';
import { running } from './running';
import { jumping } from './jumping';
import { weightlifting } from './weightlifting';
import type { AnyOperation, Area } from './types';

export * from './types';
export { defineArea, defineOperation, pathParams, type AreaOperations } from './define';
export { validateInput, toFieldIssues } from './validate';
export { fieldsOf, type FieldMeta, type FieldOption, type FieldType } from './fields';
export { ACTIVITIES, VIDEO_STATUSES } from './sessions';
export { MEASUREMENT_SYSTEMS, INCLINE_RANGE } from './running';

/** All operations by area, then by client method name. */
export const registry = { sessions, running, jumping, weightlifting } as const;
export type Registry = typeof registry;

/** Union of every declared operation (with its literal types). */
export type RegisteredOperation = { [A in keyof Registry]: Registry[A][keyof Registry[A]] }[keyof Registry];
/** Every operation id, e.g. `running.getGaitAnalysis`. */
export type OperationId = RegisteredOperation['id'];
/** The operation declared under an id. */
export type OperationById<Id extends OperationId> = Extract<RegisteredOperation, { id: Id }>;

/** Every operation, flattened in a stable order (area by area, as declared). */
export const operations: readonly AnyOperation[] = Object.freeze(
  Object.values(registry).flatMap((area) => Object.values(area) as AnyOperation[]),
);

const byId = new Map<string, AnyOperation>(operations.map((op) => [op.id, op]));

/** Looks an operation up by id; throws for an unknown id. */
export function getOperation<Id extends OperationId>(id: Id): OperationById<Id>;
export function getOperation(id: string): AnyOperation;
export function getOperation(id: string): AnyOperation {
  const op = byId.get(id);
  if (!op) throw new Error(`Unknown AIKYNETIX operation '${id}'. Known: ${[...byId.keys()].join(', ')}`);
  return op;
}

/**
 * Whether an operation reads what exists only once its session is processed (a report, metrics,
 * an export): the API answers 404 for it while the session is processing or after it failed.
 */
export function needsProcessedSession(op: AnyOperation): boolean {
  return 'session_id' in op.input.shape && !op.anyStatus;
}

/** The activity (as the API names it) whose sessions each activity area's endpoints serve. */
export const AREA_ACTIVITY: Readonly<Partial<Record<Area, string>>> = { running: 'Running', jumping: 'Vertical Jump', weightlifting: 'Weightlifting' };

/** The area whose endpoints serve sessions of an activity (any case), e.g. `Vertical Jump` -> `jumping`. */
export function areaOfActivity(activity: string): Area | undefined {
  const wanted = activity.trim().toLowerCase();
  return (Object.keys(AREA_ACTIVITY) as Area[]).find((area) => AREA_ACTIVITY[area]!.toLowerCase() === wanted);
}

/** Whether an id names a registered operation. */
export function isOperationId(id: string): id is OperationId {
  return byId.has(id);
}
