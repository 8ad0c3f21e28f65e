import { defineNodeOperation } from '../../shared/operation';

/** Get Running Summary: the performance summary with its GenAI commentary. */
export const getSummary = defineNodeOperation('running.getSummary', { resource: 'running', operation: 'getSummary' });
