import { lookupOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import { gaitOutputFields, gaitSample, presentGait } from '../presenters/gait';
import type { SearchDef } from '../types';

/** The gait analysis report of a processed running session, flattened for mapping. */
const gaitAnalysisReport: SearchDef = {
  key: 'gait_analysis_report',
  noun: 'Gait Report',
  display: {
    label: 'Get Gait Analysis Report',
    description: "Finds a running session's gait analysis: phases, joint angles per side, AI comments and the athlete's details.",
  },
  operation: {
    inputFields: inputFieldsFor('running.getGaitAnalysis'),
    perform: async (z, bundle) => {
      const report = await lookupOperation(z, bundle, 'running.getGaitAnalysis');
      return report ? [presentGait(sessionIdOf(bundle), report)] : [];
    },
    outputFields: gaitOutputFields,
    sample: gaitSample,
  },
};

export default gaitAnalysisReport;
