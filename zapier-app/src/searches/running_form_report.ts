import { formOutputFields, formSample, presentForm } from '../presenters/form';
import { reportSearch } from './reportSearch';

/** The running-form analysis: stride-averaged metrics, snapshot images and AI comments. */
export default reportSearch({
  key: 'running_form_report',
  noun: 'Running-Form Report',
  label: 'Find Running-Form Report',
  description: "Finds a running session's form analysis: contact angle, knee flexion, posture, snapshot images and AI comments.",
  operationId: 'running.getFormAnalysis',
  present: presentForm,
  outputFields: formOutputFields,
  sample: formSample,
});
