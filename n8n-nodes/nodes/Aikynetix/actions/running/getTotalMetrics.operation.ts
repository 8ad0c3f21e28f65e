import { defineNodeOperation } from '../../shared/operation';

/** Get Total Metrics: the account's running totals. */
export const getTotalMetrics = defineNodeOperation('running.getTotalMetrics', { resource: 'running', operation: 'getTotalMetrics' });
