import { defineNodeOperation } from '../../shared/operation';

/** Export Weightlifting Data: per-frame keypoints, angles and metrics. */
export const exportData = defineNodeOperation('weightlifting.export', { resource: 'weightlifting', operation: 'export' });
