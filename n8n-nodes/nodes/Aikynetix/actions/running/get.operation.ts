import { defineNodeOperation } from '../../shared/operation';

/** Get Running Session: metrics, joint angles, timestamps and video links. */
export const get = defineNodeOperation('running.get', { resource: 'running', operation: 'get' });
