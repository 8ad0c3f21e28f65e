import { exportData } from './export.operation';
import { get } from './get.operation';
import { getLiftAnalysis } from './getLiftAnalysis.operation';

/** Operations of the Weightlifting resource. */
export const weightliftingOperations = [exportData, get, getLiftAnalysis];
