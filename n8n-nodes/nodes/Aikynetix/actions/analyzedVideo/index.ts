import { generate } from './generate.operation';
import { get } from './get.operation';

/** Operations of the Analyzed Video resource. */
export const analyzedVideoOperations = [generate, get];
