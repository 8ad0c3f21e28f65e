import { defineGenerateOperation } from '../../shared/generate';

/** Generate Summary: starts the GenAI summary; optionally waits for its text. */
export const generateSummary = defineGenerateOperation(
	'running.generateSummary',
	{ resource: 'running', operation: 'generateSummary' },
	{ waitDescription: 'Whether to wait until the summary text is written and return it (usually well under a minute)' },
	(client, sessionId, options) => client.waitForSummaryText(sessionId, options),
);
