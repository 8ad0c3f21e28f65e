import { defineNodeOperation } from '../../shared/operation';

/** Get Weightlifting Session: lift metrics and details. */
export const get = defineNodeOperation('weightlifting.get', { resource: 'weightlifting', operation: 'get' });
