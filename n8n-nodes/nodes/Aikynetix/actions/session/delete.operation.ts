import { defineNodeOperation } from '../../shared/operation';

/** Delete Session: removes the session with its videos and reports. */
export const deleteSession = defineNodeOperation('sessions.delete', { resource: 'session', operation: 'delete' });
