import { defineNodeOperation } from '../../shared/operation';

/** Export Running Data: per-frame keypoints, angles, contacts and metrics. */
export const exportData = defineNodeOperation('running.export', { resource: 'running', operation: 'export' });
