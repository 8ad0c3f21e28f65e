/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test, never shipped */
import { statSync } from 'node:fs';
import { start, type Simulator } from '@aikynetix/simulator';
import { outputOf, runWorkflow } from '../harness/engine';
import { aikynetixNode, byId, chain, inputNode, SAMPLE_VIDEO } from '../harness/workflow';

describe('Upload Video -> Get Gait Report -> Generate Summary, in n8n-core WorkflowExecute', () => {
	let sim: Simulator;
	let credentials: { apiKey: string; baseUrl: string; authStyle: string };

	beforeAll(async () => {
		sim = await start({ port: 0, processingDelayMs: 300, genAiDelayMs: 200 });
		credentials = { apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' };
	});
	afterAll(async () => {
		await sim.close();
	});

	it('streams the binary video, waits for processing, and returns reports paired to their items', async () => {
		const run = await runWorkflow(
			chain(
				inputNode([{ athlete: 'athlete-42' }], SAMPLE_VIDEO),
				aikynetixNode('Upload', {
					resource: 'running',
					operation: 'upload',
					userId: '={{ $json.athlete }}',
					binaryPropertyName: 'data',
					waitForProcessing: true,
					maxWaitMinutes: 1,
					options: { sessionName: 'Engine run', inclineDegree: 1.5, bodyJointAngles: ['knee', 'hip'] },
				}),
				aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId('={{ $json.session_id }}') }),
				aikynetixNode('Summary', {
					resource: 'running',
					operation: 'generateSummary',
					sessionId: byId("={{ $('Upload').item.json.session_id }}"),
					options: { measurementSystem: 'imperial' },
					waitForText: true,
					maxWaitMinutes: 1,
				}),
			),
			credentials,
		);
		expect(run.data.resultData.error).toBeUndefined();

		const [uploaded] = outputOf(run, 'Upload');
		expect(uploaded.json).toMatchObject({ status: 'processed', user_id: 'athlete-42', title: 'Engine run' });
		expect(uploaded.pairedItem).toEqual({ item: 0 });
		const stored = sim.control.session(uploaded.json.session_id as string);
		expect(stored).toMatchObject({ inclineDegree: 1.5, bodyJointAngles: ['knee', 'hip'], video: { size: statSync(SAMPLE_VIDEO).size } });

		const [gait] = outputOf(run, 'Gait');
		expect(gait.json.session_id).toBe(uploaded.json.session_id);
		expect(gait.json).toHaveProperty('left.phases.strike.video_frame');
		expect(gait.pairedItem).toEqual({ item: 0 });

		const [summary] = outputOf(run, 'Summary');
		expect((summary.json.summary_text as Record<string, string>).final_summary.length).toBeGreaterThan(20);
		expect(sim.control.session(uploaded.json.session_id as string)).toMatchObject({ measurementSystem: 'imperial' });

		// The video went through n8n's binary store on disk, and the key is nowhere in the execution data.
		expect(outputOf(run, 'Input')[0].binary?.data.id).toMatch(/^filesystem/);
		expect(JSON.stringify(run)).not.toContain(sim.apiKey);
	});
});
