import { callOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import { presentThreads, threadFields, threadSample } from '../presenters/threads';
import type { CreateDef } from '../types';

const BLOCKS = ['posture', 'hip', 'knee', 'ankle'].flatMap((j) => [`left_${j}_angle`, `right_${j}_angle`]);

/** Starts the AI gait recommendations per joint and side; they appear in the gait report after. */
const generateGaitRecommendations: CreateDef = {
  key: 'generate_gait_recommendations',
  noun: 'Gait Recommendations',
  display: {
    label: 'Generate Gait Recommendations',
    description:
      'Creates AI gait recommendations for each joint angle of a processed session. Read them with Get Gait Analysis Report after a short Delay.',
  },
  operation: {
    inputFields: inputFieldsFor('running.generateGaitRecommendations'),
    perform: async (z, bundle) => {
      const threads = await callOperation(z, bundle, 'running.generateGaitRecommendations');
      return presentThreads(sessionIdOf(bundle), threads);
    },
    outputFields: threadFields(BLOCKS),
    sample: threadSample(BLOCKS),
  },
};

export default generateGaitRecommendations;
