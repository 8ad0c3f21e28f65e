import { NO_METRICS, sessionOutputFields, sessionSample } from '../presenters/session';
import type { TriggerDef } from '../types';
import { feedFilterFields, pollSessions } from './sessionFeed';

/** A session was created (uploaded), whatever its processing state. */
const newSession: TriggerDef = {
  key: 'new_session',
  noun: 'Session',
  display: {
    label: 'New Session',
    description: 'Triggers when a new session is created (a video is uploaded), before processing finishes.',
  },
  operation: {
    type: 'polling',
    perform: (z, bundle) => pollSessions(z, bundle),
    inputFields: feedFilterFields(),
    outputFields: sessionOutputFields,
    sample: { ...sessionSample, status: 'processing', video_status: 'Processing', analyzed_video_url: null, ...NO_METRICS },
  },
};

export default newSession;
