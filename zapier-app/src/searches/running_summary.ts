import { lookupOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import { presentSummary, summaryOutputFields, summarySample } from '../presenters/summary';
import type { SearchDef } from '../types';

/** The running summary: metric statistics plus the AI-written texts once generated. */
const runningSummary: SearchDef = {
  key: 'running_summary',
  noun: 'Running Summary',
  display: {
    label: 'Get Running Summary',
    description:
      "Finds a running session's summary: speed, cadence, power, contact times, balance and the AI-written texts (after Generate Summary).",
  },
  operation: {
    inputFields: inputFieldsFor('running.getSummary'),
    perform: async (z, bundle) => {
      const report = await lookupOperation(z, bundle, 'running.getSummary');
      return report ? [presentSummary(sessionIdOf(bundle), report)] : [];
    },
    outputFields: summaryOutputFields,
    sample: summarySample,
  },
};

export default runningSummary;
