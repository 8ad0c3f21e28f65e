import { defineNodeOperation } from '../../shared/operation';

/** Export Jumping Data: per-frame keypoints, angles and metrics. */
export const exportData = defineNodeOperation('jumping.export', { resource: 'jumping', operation: 'export' });
