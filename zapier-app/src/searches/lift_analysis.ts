import { liftAnalysisOutputFields, liftAnalysisSample, presentLiftAnalysis } from '../presenters/liftAnalysis';
import { reportSearch } from './reportSearch';

/** The weightlifting lift analysis: images and multilingual recommendations. */
export default reportSearch({
  key: 'lift_analysis',
  noun: 'Lift Analysis',
  label: 'Find Lift Analysis',
  description: "Finds a weightlifting session's lift analysis: position images and recommendations in several languages.",
  operationId: 'weightlifting.getLiftAnalysis',
  present: presentLiftAnalysis,
  outputFields: liftAnalysisOutputFields,
  sample: liftAnalysisSample,
});
