import { callOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import { analyzedVideoOutputFields, analyzedVideoSample, presentAnalyzedVideo } from '../presenters/analyzedVideo';
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
    perform: async (z, bundle) =>
      presentAnalyzedVideo(sessionIdOf(bundle), await callOperation(z, bundle, 'sessions.generateAnalyzedVideo')),
    outputFields: analyzedVideoOutputFields,
    sample: analyzedVideoSample,
  },
};

export default generateAnalyzedVideo;
