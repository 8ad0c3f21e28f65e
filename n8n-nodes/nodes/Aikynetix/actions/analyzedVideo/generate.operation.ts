import { defineNodeOperation } from '../../shared/operation';

/** Generate Analyzed Video: creates the pose-overlay video and returns its link. */
export const generate = defineNodeOperation('sessions.generateAnalyzedVideo', { resource: 'analyzedVideo', operation: 'generate' });
