import { defineNodeOperation } from '../../shared/operation';

/** Get Gait Report: cadence, contact times, symmetry and the gait comments. */
export const getGaitReport = defineNodeOperation('running.getGaitAnalysis', { resource: 'running', operation: 'getGaitReport' }, {
	name: 'Get Gait Report',
});
