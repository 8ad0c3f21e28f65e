/**
 * Contract: the registry's `requires` (read by the core's error classifier and by hosts) and the
 * simulator's permission table model the same vendor pages, so they must agree operation by operation.
 */
import { operations } from '@aikynetix/core';
import { PERMISSIONS } from '@aikynetix/simulator/dist/auth/permissions';

describe('who may call what', () => {
  it('the simulator guards exactly the registry operations', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(operations.map((op) => op.openapiId).sort());
  });

  it.each(operations.map((op) => [op.id, op] as const))('%s: admin key and paid plan as the registry declares', (_id, op) => {
    const permission = PERMISSIONS[op.openapiId];
    const declared = { admin: op.requires?.admin === true, plan: op.requires?.plan !== undefined };
    expect({ admin: permission.admin, plan: permission.plan }).toEqual(declared);
    if (permission.plan) expect(permission.noPlanStatus ?? 403).toBe(op.requires?.plan);
  });
});
