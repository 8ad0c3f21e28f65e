import { toIso } from '@aikynetix/core/host';
import { callOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import type { CreateDef } from '../types';

/** Renames a session or corrects its recorded date and time. */
const updateSession: CreateDef = {
  key: 'update_session',
  noun: 'Session',
  display: {
    label: 'Update Session',
    description: "Updates a session's title and/or its recorded date and time.",
  },
  operation: {
    inputFields: inputFieldsFor('sessions.update'),
    perform: async (z, bundle) => {
      const res = await callOperation(z, bundle, 'sessions.update');
      const id = sessionIdOf(bundle);
      const given = (k: string) => {
        const v = bundle.inputData?.[k];
        return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
      };
      return {
        id,
        session_id: id,
        title: given('title'),
        // what was sent, presented in ISO 8601 like every other date of the app
        created_at: toIso(given('created_at')),
        message: typeof res.success === 'string' ? res.success : 'Session updated',
      };
    },
    outputFields: [
      { key: 'id', label: 'Session ID' },
      { key: 'title', label: 'New Title' },
      { key: 'created_at', label: 'New Date and Time (UTC)', type: 'datetime' },
      { key: 'message', label: 'AIKYNETIX Message' },
    ],
    sample: {
      id: 'V1StGXR8Z5jdHi6BmyTq',
      session_id: 'V1StGXR8Z5jdHi6BmyTq',
      title: 'Treadmill intervals – week 6',
      created_at: '2025-02-05T18:00:00.000Z',
      message: 'Session updated successfully',
    },
  },
};

export default updateSession;
