/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test, never shipped */
import { statSync } from 'node:fs';
import { start, type Simulator } from '@aikynetix/simulator';
import { outputOf, runWorkflow } from '../harness/engine';
import { aikynetixNode, chain, inputNode, SAMPLE_VIDEO } from '../harness/workflow';

describe('Upload Video with n8n binary data in the default (in-memory) mode', () => {
	let sim: Simulator;

	beforeAll(async () => {
		// Read when n8n-core first builds its binary data service (the first workflow run of this file).
		process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'default';
		sim = await start({ port: 0, processingDelayMs: 100 });
	});
	afterAll(async () => {
		await sim.close();
	});

	it('sends the bytes held in the item', async () => {
		const run = await runWorkflow(
			chain(
				inputNode([{}], SAMPLE_VIDEO),
				aikynetixNode('Upload', { resource: 'running', operation: 'upload', userId: 'athlete-7', binaryPropertyName: 'data' }),
			),
			{ apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' },
		);
		expect(run.data.resultData.error).toBeUndefined();
		const input = outputOf(run, 'Input')[0].binary?.data;
		expect(input?.id).toBeUndefined();
		expect(input?.data.length).toBeGreaterThan(1000);
		const [uploaded] = outputOf(run, 'Upload');
		expect(uploaded.json.status).toBe('processing');
		expect(sim.control.session(uploaded.json.session_id as string)).toMatchObject({
			userId: 'athlete-7',
			video: { size: statSync(SAMPLE_VIDEO).size, filename: 'sample-run.mp4' },
		});
	});
});
