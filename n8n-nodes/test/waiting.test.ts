/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test, never shipped */
import { start, type Simulator } from '@aikynetix/simulator';
import { initBinaryData, outputOf, runWorkflow, startWorkflow } from '../harness/engine';
import { aikynetixNode, chain, inputNode, SAMPLE_VIDEO } from '../harness/workflow';

// The nodes wait with n8n-workflow's `sleep` (the core's host entry has no timers of its own):
// retry pauses honour Retry-After, and every wait stops as soon as the execution is cancelled.
describe("waiting with n8n's sleep, in n8n-core WorkflowExecute", () => {
	let sim: Simulator;
	let credentials: { apiKey: string; baseUrl: string; authStyle: string };

	beforeAll(async () => {
		// Processing takes a minute: long enough that only a cancellation can end the wait early.
		sim = await start({ port: 0, processingDelayMs: 60_000 });
		credentials = { apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' };
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(async () => {
		await sim.control.reset();
	});

	it('retries a rate-limited request after the Retry-After the API asked for', async () => {
		sim.control.seed({ count: 3 });
		sim.control.setFaults({ rateLimit: { count: 1, retryAfterSeconds: 2 } });
		const started = Date.now();
		const run = await runWorkflow(
			chain(inputNode(), aikynetixNode('Find', { resource: 'session', operation: 'search', returnAll: false, limit: 5, filters: {} })),
			credentials,
		);
		const elapsed = Date.now() - started;
		expect(run.data.resultData.error).toBeUndefined();
		expect(outputOf(run, 'Find')).toHaveLength(3);
		expect(sim.control.stats().faultsFired.rateLimit).toBe(1);
		expect(elapsed).toBeGreaterThanOrEqual(1900);
	});

	it('stops Wait for Processing at once when the execution is cancelled', async () => {
		await initBinaryData();
		const execution = startWorkflow(
			chain(
				inputNode([{}], SAMPLE_VIDEO),
				aikynetixNode('Upload', {
					resource: 'running',
					operation: 'upload',
					userId: 'athlete-1',
					binaryPropertyName: 'data',
					waitForProcessing: true,
					maxWaitMinutes: 30,
				}),
			),
			credentials,
		);
		// Cancel once the upload is done and the node is waiting for the analysis.
		const deadline = Date.now() + 20_000;
		while (sim.control.stats().sessionsCreated === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		expect(sim.control.stats().sessionsCreated).toBe(1);
		await new Promise((r) => setTimeout(r, 300));
		const cancelledAt = Date.now();
		execution.cancel();
		const run = await execution;
		const stoppedAfter = Date.now() - cancelledAt;
		const requestsAtStop = sim.control.stats().totalRequests;

		expect(stoppedAfter).toBeLessThan(2000);
		// The node ends with the core's AbortError: the wait was cancelled, not timed out or failed.
		expect(run.data.resultData.error?.message).toMatch(/cancelled/);
		expect(run.data.resultData.lastNodeExecuted).toBe('Upload');
		// Nothing keeps polling in the background once the run has ended.
		await new Promise((r) => setTimeout(r, 2500));
		expect(sim.control.stats().totalRequests).toBe(requestsAtStop);
	});
});
