import { NO_METRICS, sessionOutputFields, sessionSample } from '../presenters/session';
import type { TriggerDef } from '../types';
import { feedFilterFields, pollSessions } from './sessionFeed';

/** A session's video could not be processed (wrong file, no athlete visible...). */
const sessionFailed: TriggerDef = {
  key: 'session_failed',
  noun: 'Session',
  display: {
    label: 'Session Failed',
    description: 'Triggers when a session fails to process, e.g. the upload was not a usable video, so someone can re-record it.',
  },
  operation: {
    type: 'polling',
    perform: (z, bundle) => pollSessions(z, bundle, 'failed'),
    inputFields: feedFilterFields(),
    outputFields: sessionOutputFields,
    sample: { ...sessionSample, status: 'failed', video_status: 'Failed', analyzed_video_url: null, ...NO_METRICS },
  },
};

export default sessionFailed;
