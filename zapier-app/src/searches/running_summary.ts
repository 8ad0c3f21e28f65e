import { presentSummary, summaryOutputFields, summarySample } from '../presenters/summary';
import { reportSearch } from './reportSearch';

/** The running summary: metric statistics plus the AI-written texts once generated. */
export default reportSearch({
  key: 'running_summary',
  noun: 'Running Summary',
  label: 'Find Running Summary',
  description:
    "Finds a running session's summary: speed, cadence, power, contact times, balance and the AI-written texts (after Generate Summary).",
  operationId: 'running.getSummary',
  present: presentSummary,
  outputFields: summaryOutputFields,
  sample: summarySample,
});
