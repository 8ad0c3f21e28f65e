import { defineNodeOperation } from '../../shared/operation';

/** Get Running-Form Report: posture and technique scores with the form comments. */
export const getFormReport = defineNodeOperation('running.getFormAnalysis', { resource: 'running', operation: 'getFormReport' }, {
	name: 'Get Running-Form Report',
});
