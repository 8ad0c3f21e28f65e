import { callOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import { presentThreads, threadFields, threadSample } from '../presenters/threads';
import type { CreateDef } from '../types';

const BLOCKS = ['final_summary', 'performance_metrics', 'running_mechanics', 'balance_and_posture', 'distance_and_duration'];

/** Starts the AI-written summary; its texts appear in Get Running Summary about a minute later. */
const generateSummary: CreateDef = {
  key: 'generate_summary',
  noun: 'Summary',
  display: {
    label: 'Generate Summary',
    description:
      'Creates the AI-written summary of a processed running session, in metric or imperial units. Read it with Get Running Summary after a short Delay.',
  },
  operation: {
    inputFields: inputFieldsFor('running.generateSummary'),
    perform: async (z, bundle) => {
      const threads = await callOperation(z, bundle, 'running.generateSummary');
      const system = String(bundle.inputData?.measurement_system ?? '').trim().toLowerCase() || 'metric';
      return presentThreads(sessionIdOf(bundle), threads, { measurement_system: system });
    },
    outputFields: threadFields(BLOCKS, [{ key: 'measurement_system', label: 'Measurement System' }]),
    sample: threadSample(BLOCKS, { measurement_system: 'metric' }),
  },
};

export default generateSummary;
