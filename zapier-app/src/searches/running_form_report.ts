import { lookupOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import { formOutputFields, formSample, presentForm } from '../presenters/form';
import type { SearchDef } from '../types';

/** The running-form analysis: stride-averaged metrics, snapshot images and AI comments. */
const runningFormReport: SearchDef = {
  key: 'running_form_report',
  noun: 'Running-Form Report',
  display: {
    label: 'Get Running-Form Report',
    description: "Finds a running session's form analysis: contact angle, knee flexion, posture, snapshot images and AI comments.",
  },
  operation: {
    inputFields: inputFieldsFor('running.getFormAnalysis'),
    perform: async (z, bundle) => {
      const report = await lookupOperation(z, bundle, 'running.getFormAnalysis');
      return report ? [presentForm(sessionIdOf(bundle), report)] : [];
    },
    outputFields: formOutputFields,
    sample: formSample,
  },
};

export default runningFormReport;
