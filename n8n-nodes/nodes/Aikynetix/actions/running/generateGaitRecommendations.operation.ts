import { defineGenerateOperation } from '../../shared/generate';

/** Generate Gait Recommendations: GenAI advice on gait; optionally waits for it. */
export const generateGaitRecommendations = defineGenerateOperation(
	'running.generateGaitRecommendations',
	{ resource: 'running', operation: 'generateGaitRecommendations' },
	{ waitDescription: 'Whether to wait until the recommendations are written and return the gait report with them' },
	(client, sessionId, options) => client.waitForGaitRecommendations(sessionId, options),
);
