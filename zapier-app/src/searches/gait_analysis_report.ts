import { gaitOutputFields, gaitSample, presentGait } from '../presenters/gait';
import { reportSearch } from './reportSearch';

/** The gait analysis report of a processed running session, flattened for mapping. */
export default reportSearch({
  key: 'gait_analysis_report',
  noun: 'Gait Report',
  label: 'Find Gait Analysis Report',
  description: "Finds a running session's gait analysis: phases, joint angles per side, AI comments and the athlete's details.",
  operationId: 'running.getGaitAnalysis',
  present: presentGait,
  outputFields: gaitOutputFields,
  sample: gaitSample,
});
