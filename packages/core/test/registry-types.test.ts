/**
 * Compile-time checks (run by `tsc --noEmit`, the package's typecheck task): the registry keeps
 * literal types so client methods and adapters are fully typed. The runtime assertions make sure
 * the same values are what the types claim.
 */
import { getOperation, registry, validateInput, type OperationById, type OperationId } from '../src/registry';
import type { OperationInput, OperationOutput } from '../src/registry/types';
import type { Session } from '../src/schemas/session';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

test('ids, names and areas keep their literal types', () => {
  const op = registry.running.getGaitAnalysis;
  assertType<Equal<typeof op.id, 'running.getGaitAnalysis'>>();
  assertType<Equal<typeof op.area, 'running'>>();
  assertType<Equal<typeof op.name, 'getGaitAnalysis'>>();
  assertType<Equal<OperationById<'sessions.filter'>, typeof registry.sessions.filter>>();
  const ids: OperationId[] = ['sessions.delete', 'weightlifting.getLiftAnalysis'];
  // @ts-expect-error not an operation id
  const bad: OperationId = 'running.nope';
  expect([op.id, op.area, op.name, ids.length, bad]).toEqual(['running.getGaitAnalysis', 'running', 'getGaitAnalysis', 2, 'running.nope']);
  expect(getOperation('sessions.filter')).toBe(registry.sessions.filter);
});

test('inputs are typed as hosts may send them, outputs as the API returns them after parsing', () => {
  type UploadIn = OperationInput<typeof registry.running.createSession>;
  const upload: UploadIn = { user_id: 'u', video: Buffer.from('v'), incline_degree: '5', body_joint_angles: 'knee,ankle' };
  // @ts-expect-error user_id is required
  const missing: UploadIn = { video: 'x.mp4' };
  type ListOut = OperationOutput<typeof registry.sessions.listAll>;
  assertType<Equal<ListOut['sessions'], Session[]>>();
  type GaitOut = OperationOutput<typeof registry.running.getGaitAnalysis>;
  const frame: number | null | undefined = ({} as GaitOut).left?.phases?.takeoff?.video_frame;
  type DetailOut = OperationOutput<typeof registry.running.get>;
  assertType<Equal<DetailOut['created_at_iso'], string | null>>();
  const wire = validateInput(registry.running.createSession, upload);
  const incline: number | undefined = wire.incline_degree;
  const joints: ('ankle' | 'knee' | 'elbow' | 'hip' | 'shoulder')[] | undefined = wire.body_joint_angles;
  expect([incline, joints, missing.video, frame]).toEqual([5, ['knee', 'ankle'], 'x.mp4', undefined]);
});
