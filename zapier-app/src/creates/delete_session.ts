import { callOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import type { CreateDef } from '../types';

/** Permanently deletes a session with its videos and reports. */
const deleteSession: CreateDef = {
  key: 'delete_session',
  noun: 'Session',
  display: {
    label: 'Delete Session',
    description: 'Deletes a session permanently, with its videos and reports (e.g. when an athlete withdraws consent).',
  },
  operation: {
    inputFields: inputFieldsFor('sessions.delete'),
    perform: async (z, bundle) => {
      const res = await callOperation(z, bundle, 'sessions.delete');
      const id = sessionIdOf(bundle);
      return { id, session_id: id, deleted: true, message: typeof res.success === 'string' ? res.success : 'Session deleted' };
    },
    outputFields: [
      { key: 'id', label: 'Session ID' },
      { key: 'deleted', label: 'Deleted', type: 'boolean' },
      { key: 'message', label: 'AIKYNETIX Message' },
    ],
    sample: { id: 'V1StGXR8Z5jdHi6BmyTq', session_id: 'V1StGXR8Z5jdHi6BmyTq', deleted: true, message: 'Session deleted successfully' },
  },
};

export default deleteSession;
