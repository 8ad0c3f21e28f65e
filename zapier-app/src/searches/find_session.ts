import { callOperation } from '../call';
import { inputFieldsFor } from '../fields';
import { newestFirst } from '../triggers/sessionFeed';
import { presentSession, sessionOutputFields, sessionSample } from '../presenters/session';
import type { SearchDef } from '../types';

/** Finds sessions by the filter endpoint's criteria; Zapier uses the newest match. */
const findSession: SearchDef = {
  key: 'find_session',
  noun: 'Session',
  display: {
    label: 'Find Session',
    description: 'Finds the most recent session matching a title, athlete, activity, status or date range.',
  },
  operation: {
    inputFields: inputFieldsFor('sessions.filter', {
      omit: ['start_after_id', 'end_before_id'],
      overrides: { activity: { dynamic: 'activity_list.id.name', choices: undefined }, limit: { default: '10' } },
    }),
    perform: async (z, bundle) => {
      const page = await callOperation(z, bundle, 'sessions.filter', { omit: ['start_after_id', 'end_before_id'] });
      const sessions = Array.isArray(page.sessions) ? page.sessions : [];
      return newestFirst(sessions.map((s) => presentSession(s as never)));
    },
    outputFields: sessionOutputFields,
    sample: sessionSample,
  },
};

export default findSession;
