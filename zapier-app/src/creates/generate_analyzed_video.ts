import { callOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import type { CreateDef } from '../types';

/** Asks AIKYNETIX to render the analyzed video (pose overlay) and returns its link. */
const generateAnalyzedVideo: CreateDef = {
  key: 'generate_analyzed_video',
  noun: 'Analyzed Video',
  display: {
    label: 'Generate Analyzed Video',
    description: 'Creates the analyzed video (the original with the pose overlay) for a processed session and returns its link.',
  },
  operation: {
    inputFields: inputFieldsFor('sessions.generateAnalyzedVideo'),
    perform: async (z, bundle) => {
      const res = await callOperation(z, bundle, 'sessions.generateAnalyzedVideo');
      const id = sessionIdOf(bundle);
      const url = typeof res.analyzed_video_url === 'string' && res.analyzed_video_url !== '' ? res.analyzed_video_url : null;
      return { id, session_id: id, analyzed_video_url: url, ready: url !== null };
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

export default generateAnalyzedVideo;
