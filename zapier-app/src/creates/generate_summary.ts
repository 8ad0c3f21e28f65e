import { generationCreate } from './generation';

/** Starts the AI-written summary; its texts appear in Find Running Summary about a minute later. */
export default generationCreate({
  key: 'generate_summary',
  noun: 'Summary',
  label: 'Generate Summary',
  description:
    'Creates the AI-written summary of a processed running session, in metric or imperial units. Read it with Find Running Summary after a short Delay.',
  operationId: 'running.generateSummary',
  blocks: ['final_summary', 'performance_metrics', 'running_mechanics', 'balance_and_posture', 'distance_and_duration'],
  echo: {
    field: { key: 'measurement_system', label: 'Measurement System' },
    value: (bundle) => String(bundle.inputData?.measurement_system ?? '').trim().toLowerCase() || 'metric',
    sample: 'metric',
  },
});
