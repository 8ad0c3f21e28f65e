import { lookupOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import { liftAnalysisOutputFields, liftAnalysisSample, presentLiftAnalysis } from '../presenters/liftAnalysis';
import type { SearchDef } from '../types';

/** The weightlifting lift analysis: images and multilingual recommendations. */
const liftAnalysis: SearchDef = {
  key: 'lift_analysis',
  noun: 'Lift Analysis',
  display: {
    label: 'Get Lift Analysis',
    description: "Finds a weightlifting session's lift analysis: position images and recommendations in several languages.",
  },
  operation: {
    inputFields: inputFieldsFor('weightlifting.getLiftAnalysis'),
    perform: async (z, bundle) => {
      const report = await lookupOperation(z, bundle, 'weightlifting.getLiftAnalysis');
      return report ? [presentLiftAnalysis(sessionIdOf(bundle), report)] : [];
    },
    outputFields: liftAnalysisOutputFields,
    sample: liftAnalysisSample,
  },
};

export default liftAnalysis;
