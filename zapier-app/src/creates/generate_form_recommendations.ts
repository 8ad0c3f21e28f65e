import { generationCreate } from './generation';

/** Starts the AI form recommendations; they appear in Find Running-Form Report shortly after. */
export default generationCreate({
  key: 'generate_form_recommendations',
  noun: 'Form Recommendation',
  label: 'Generate Form Recommendations',
  description:
    'Creates AI running-form recommendations for a processed session. Read them with Find Running-Form Report after a short Delay.',
  operationId: 'running.generateFormRecommendations',
  blocks: ['contact_angle', 'push_angle', 'knee_ankle', 'general_form_recommendation'],
});
