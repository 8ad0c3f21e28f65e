import { lookupOperation } from '../call';
import { presentTotalMetrics, totalMetricsOutputFields, totalMetricsSample } from '../presenters/totalMetrics';
import type { SearchDef } from '../types';

/** Account-wide running averages and the latest session's statistics. */
const totalMetrics: SearchDef = {
  key: 'total_metrics',
  noun: 'Running Total',
  display: {
    label: 'Find Running Totals',
    description: 'Finds the running averages over all sessions of the account, plus the statistics of the latest session.',
  },
  operation: {
    // Zapier wants an input on every search; the API takes none, so the step states its scope.
    inputFields: [
      {
        key: 'activity',
        label: 'Activity',
        required: true,
        default: 'running',
        choices: [{ value: 'running', label: 'Running (the only activity AIKYNETIX totals)', sample: 'running' }],
        helpText: 'AIKYNETIX computes account totals for running sessions only.',
      },
    ],
    perform: async (z, bundle) => {
      const report = await lookupOperation(z, bundle, 'running.getTotalMetrics', { useInput: false });
      return report ? [presentTotalMetrics(report)] : [];
    },
    outputFields: totalMetricsOutputFields,
    sample: totalMetricsSample,
  },
};

export default totalMetrics;
