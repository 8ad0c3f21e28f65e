import { defineNodeOperation } from '../../shared/operation';

/** Get Jumping Session: jump metrics and details. */
export const get = defineNodeOperation('jumping.get', { resource: 'jumping', operation: 'get' });
