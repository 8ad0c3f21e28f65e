import { generationCreate } from './generation';

/** Starts the AI gait recommendations per joint and side; they appear in the gait report after. */
export default generationCreate({
  key: 'generate_gait_recommendations',
  noun: 'Gait Recommendation',
  label: 'Generate Gait Recommendations',
  description:
    'Creates AI gait recommendations for each joint angle of a processed session. Read them with Find Gait Analysis Report after a short Delay.',
  operationId: 'running.generateGaitRecommendations',
  blocks: ['posture', 'hip', 'knee', 'ankle'].flatMap((j) => [`left_${j}_angle`, `right_${j}_angle`]),
});
