import { ValidationError } from '@aikynetix/core/host';
import { callOperation, sessionIdOf } from '../call';
import { guarded } from '../errors';
import { inputFieldsFor } from '../fields';
import type { CreateDef } from '../types';

/** The only value of the Confirm field that lets the step delete. */
export const CONFIRM_DELETE = 'yes';

/**
 * Permanently deletes a session with its videos and reports. Kept (athletes who withdraw consent
 * need it in their automations) behind a safeguard: a required Confirm field that must say "yes"
 * in the Zap itself, so a mis-mapped field or a copied Zap never deletes by accident
 * (docs/zapier.md, "Delete Session").
 */
const deleteSession: CreateDef = {
  key: 'delete_session',
  noun: 'Session',
  display: {
    label: 'Delete Session',
    description: 'Deletes a session permanently, with its videos and reports (e.g. when an athlete withdraws consent).',
  },
  operation: {
    inputFields: [
      ...inputFieldsFor('sessions.delete'),
      {
        key: 'confirm',
        label: 'Confirm Permanent Deletion',
        required: true,
        choices: [{ value: CONFIRM_DELETE, label: 'Yes, delete the session, its videos and reports for good', sample: CONFIRM_DELETE }],
        helpText: 'Deleting cannot be undone. The step refuses to run unless this says yes.',
      },
    ],
    perform: async (z, bundle) => {
      await guarded(z, bundle, async () => {
        if (String(bundle.inputData?.confirm ?? '').trim().toLowerCase() !== CONFIRM_DELETE) {
          throw new ValidationError([{ field: 'confirm', rule: 'must be "yes" to delete the session permanently' }], 'sessions.delete');
        }
      });
      const res = await callOperation(z, bundle, 'sessions.delete', { omit: ['confirm'] });
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
