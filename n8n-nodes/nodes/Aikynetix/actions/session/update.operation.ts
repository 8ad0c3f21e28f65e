import { defineNodeOperation } from '../../shared/operation';

/** Update Session: new title and/or recorded date-time. */
export const update = defineNodeOperation('sessions.update', { resource: 'session', operation: 'update' }, {
	layout: { collection: { name: 'updateFields', displayName: 'Update Fields', placeholder: 'Add field' } },
});
