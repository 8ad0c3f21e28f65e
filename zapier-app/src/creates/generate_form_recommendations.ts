import { callOperation, sessionIdOf } from '../call';
import { inputFieldsFor } from '../fields';
import { presentThreads, threadFields, threadSample } from '../presenters/threads';
import type { CreateDef } from '../types';

const BLOCKS = ['contact_angle', 'push_angle', 'knee_ankle', 'general_form_recommendation'];

/** Starts the AI form recommendations; they appear in Get Running-Form Report shortly after. */
const generateFormRecommendations: CreateDef = {
  key: 'generate_form_recommendations',
  noun: 'Form Recommendations',
  display: {
    label: 'Generate Form Recommendations',
    description:
      'Creates AI running-form recommendations for a processed session. Read them with Get Running-Form Report after a short Delay.',
  },
  operation: {
    inputFields: inputFieldsFor('running.generateFormRecommendations'),
    perform: async (z, bundle) => {
      const threads = await callOperation(z, bundle, 'running.generateFormRecommendations');
      return presentThreads(sessionIdOf(bundle), threads);
    },
    outputFields: threadFields(BLOCKS),
    sample: threadSample(BLOCKS),
  },
};

export default generateFormRecommendations;
