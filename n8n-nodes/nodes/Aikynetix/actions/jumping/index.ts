import { exportData } from './export.operation';
import { get } from './get.operation';

/** Operations of the Jumping resource. */
export const jumpingOperations = [exportData, get];
