import { defineGenerateOperation } from '../../shared/generate';

/** Generate Form Recommendations: GenAI advice on running form; optionally waits for it. */
export const generateFormRecommendations = defineGenerateOperation(
	'running.generateFormRecommendations',
	{ resource: 'running', operation: 'generateFormRecommendations' },
	{ waitDescription: 'Whether to wait until the recommendations are written and return the form report with them' },
	(client, sessionId, options) => client.waitForFormRecommendations(sessionId, options),
);
