import { sessionOutputFields, sessionSample } from '../presenters/session';
import type { TriggerDef } from '../types';
import { feedFilterFields, pollSessions } from './sessionFeed';

/** The flagship trigger: a session's video finished processing, so its reports are ready. */
const sessionProcessed: TriggerDef = {
  key: 'session_processed',
  noun: 'Session',
  display: {
    label: 'New Session Processed',
    description:
      'Triggers when a session finishes processing and its metrics, reports and analyzed video are ready. Pair it with Upload Video in a second zap.',
  },
  operation: {
    type: 'polling',
    perform: (z, bundle) => pollSessions(z, bundle, 'processed'),
    inputFields: feedFilterFields(),
    outputFields: sessionOutputFields,
    sample: sessionSample,
  },
};

export default sessionProcessed;
