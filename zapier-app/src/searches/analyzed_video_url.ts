import { lookupOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import type { SearchDef } from '../types';

/** The link to the analyzed video (pose overlay); AIKYNETIX creates it on first request. */
const analyzedVideoUrl: SearchDef = {
  key: 'analyzed_video_url',
  noun: 'Analyzed Video',
  display: {
    label: 'Get Analyzed Video URL',
    description: "Finds the link to a session's analyzed video with the pose overlay, ready to email or attach as a file.",
  },
  operation: {
    inputFields: inputFieldsFor('sessions.getAnalyzedVideo'),
    perform: async (z, bundle) => {
      const res = await lookupOperation(z, bundle, 'sessions.getAnalyzedVideo');
      if (!res) return [];
      const url = typeof res.analyzed_video_url === 'string' && res.analyzed_video_url !== '' ? res.analyzed_video_url : null;
      const id = sessionIdOf(bundle);
      return [{ id, session_id: id, analyzed_video_url: url, ready: url !== null }];
    },
    outputFields: [
      { key: 'id', label: 'Session ID' },
      { key: 'analyzed_video_url', label: 'Analyzed Video URL' },
      { key: 'ready', label: 'Analyzed Video Ready', type: 'boolean' },
    ],
    sample: {
      id: 'V1StGXR8Z5jdHi6BmyTq',
      session_id: 'V1StGXR8Z5jdHi6BmyTq',
      analyzed_video_url: 'https://storage.googleapis.com/aikynetix-videos/V1StGXR8Z5jdHi6BmyTq/analyzed.mp4',
      ready: true,
    },
  },
};

export default analyzedVideoUrl;
