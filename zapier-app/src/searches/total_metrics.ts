import { lookupOperation } from '../call';
import { presentTotalMetrics, totalMetricsOutputFields, totalMetricsSample } from '../presenters/totalMetrics';
import type { SearchDef } from '../types';

/** Account-wide running averages and the latest session's statistics. */
const totalMetrics: SearchDef = {
  key: 'total_metrics',
  noun: 'Total Metrics',
  display: {
    label: 'Get Total Running Metrics',
    description: 'Finds the running averages over all sessions of the account, plus the statistics of the latest session.',
  },
  operation: {
    inputFields: [],
    perform: async (z, bundle) => {
      const report = await lookupOperation(z, bundle, 'running.getTotalMetrics', { useInput: false });
      return report ? [presentTotalMetrics(report)] : [];
    },
    outputFields: totalMetricsOutputFields,
    sample: totalMetricsSample,
  },
};

export default totalMetrics;
