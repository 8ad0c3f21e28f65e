import { defineNodeOperation } from '../../shared/operation';

/** Get Lift Analysis: bar path, tempo and joint analysis of each lift. */
export const getLiftAnalysis = defineNodeOperation('weightlifting.getLiftAnalysis', { resource: 'weightlifting', operation: 'getLiftAnalysis' });
