import { analyzedVideoOutputFields, analyzedVideoSample, presentAnalyzedVideo } from '../presenters/analyzedVideo';
import { reportSearch } from './reportSearch';

/** The link to the analyzed video (pose overlay); AIKYNETIX creates it on first request. */
export default reportSearch({
  key: 'analyzed_video_url',
  noun: 'Analyzed Video',
  label: 'Find Analyzed Video',
  description: "Finds the link to a session's analyzed video with the pose overlay, ready to email or attach as a file.",
  operationId: 'sessions.getAnalyzedVideo',
  present: presentAnalyzedVideo,
  outputFields: analyzedVideoOutputFields,
  sample: analyzedVideoSample,
});
