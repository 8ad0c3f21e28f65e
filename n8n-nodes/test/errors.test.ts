/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test, never shipped */
import path from 'node:path';
import { start, type Simulator } from '@aikynetix/simulator';
import { outputOf, runWorkflow } from '../harness/engine';
import { aikynetixNode, byId, chain, inputNode } from '../harness/workflow';

const NOT_A_VIDEO = path.resolve(__dirname, '..', '..', 'shared', 'fixtures', 'not-a-video.txt');
/** A video container the core accepts but the simulator cannot analyse (shared/fixtures/make-sample-video.mjs). */
const UNANALYSABLE = path.resolve(__dirname, '..', '..', 'shared', 'fixtures', 'unanalysable.mov');

describe('errors an automation builder can act on, in n8n-core WorkflowExecute', () => {
	let sim: Simulator;
	let credentials: { apiKey: string; baseUrl: string; authStyle: string };

	beforeAll(async () => {
		sim = await start({ port: 0, processingDelayMs: 200, genAiDelayMs: 100 });
		credentials = { apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' };
	});
	afterAll(async () => {
		await sim.close();
	});

	it('a wrong key stops the node with a NodeApiError: status, API message, hint, and no key anywhere', async () => {
		const wrongKey = 'sk_wrong_key_for_errors_test';
		const run = await runWorkflow(
			chain(inputNode(), aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId('abc123') })),
			{ ...credentials, apiKey: wrongKey },
		);
		const error = run.data.resultData.error as unknown as { name: string; message: string; description?: string; httpCode?: string };
		expect(error).toBeDefined();
		expect(error.name).toBe('NodeApiError');
		expect(error.httpCode).toBe('401');
		expect(error.message).toMatch(/HTTP 401/);
		expect(error.description).toMatch(/API key/);
		expect(JSON.stringify(run)).not.toContain(wrongKey);
	});

	it('an unreachable server is a NodeApiError about the connection, with no key in the run data', async () => {
		const closed = await start({ port: 0 });
		const url = closed.url;
		await closed.close();
		const secretKey = 'unreachable-server-test-key';
		const run = await runWorkflow(
			chain(inputNode(), aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId('abc123') })),
			{ ...credentials, apiKey: secretKey, baseUrl: url },
		);
		const error = run.data.resultData.error as unknown as { name: string; message: string; description?: string };
		expect(error.name).toBe('NodeApiError');
		expect(`${error.message} ${error.description}`).toMatch(/ECONNREFUSED|could not reach|refused/i);
		expect(JSON.stringify(run)).not.toContain(secretKey);
	});

	it('a malformed session ID typed into the field is flagged by n8n before the workflow runs', async () => {
		await expect(
			runWorkflow(
				chain(inputNode(), aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId('not a/valid id') })),
				credentials,
			),
		).rejects.toThrow(/A session ID has only letters, digits/);
	});

	it('bad input from an expression is a NodeOperationError naming the field as the user sees it; nothing is sent', async () => {
		const before = sim.control.stats().totalRequests;
		const run = await runWorkflow(
			chain(
				inputNode([{ id: 'not a/valid id' }]),
				aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId('={{ $json.id }}') }),
			),
			credentials,
		);
		const error = run.data.resultData.error as unknown as { name: string; message: string; description?: string };
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toMatch(/^Invalid input: Session: /);
		expect(error.description).toMatch(/nothing was sent/);
		expect(sim.control.stats().totalRequests).toBe(before);
	});

	it('an out-of-range option is named by its label before the upload starts', async () => {
		const before = sim.control.stats().sessionsCreated;
		const run = await runWorkflow(
			chain(
				inputNode([{}], NOT_A_VIDEO),
				aikynetixNode('Upload', {
					resource: 'running',
					operation: 'upload',
					userId: 'athlete-1',
					binaryPropertyName: 'data',
					options: { inclineDegree: 90 },
				}),
			),
			credentials,
		);
		expect(run.data.resultData.error?.message).toMatch(/^Invalid input: Incline \(Degrees\): must be between -30 and 30/);
		expect(sim.control.stats().sessionsCreated).toBe(before);
	});

	it('a video that fails processing stops Wait for Processing with a clear NodeOperationError', async () => {
		const run = await runWorkflow(
			chain(
				inputNode([{}], UNANALYSABLE),
				aikynetixNode('Upload', {
					resource: 'running',
					operation: 'upload',
					userId: 'athlete-1',
					binaryPropertyName: 'data',
					waitForProcessing: true,
					maxWaitMinutes: 1,
				}),
			),
			credentials,
		);
		const error = run.data.resultData.error as unknown as { name: string; message: string; description?: string };
		expect(error.name).toBe('NodeOperationError');
		expect(error.message).toMatch(/failed to process/);
		expect(error.description).toMatch(/real video/);
	});

	it('with Continue On Fail, a failed analysis still hands on the session ID it created', async () => {
		const upload = aikynetixNode('Upload', {
			resource: 'running',
			operation: 'upload',
			userId: 'athlete-1',
			binaryPropertyName: 'data',
			waitForProcessing: true,
			maxWaitMinutes: 1,
		});
		upload.onError = 'continueRegularOutput';
		const run = await runWorkflow(chain(inputNode([{}], UNANALYSABLE), upload), credentials);
		const [item] = outputOf(run, 'Upload');
		expect(item.json.error).toMatch(/failed to process/);
		expect(sim.control.session(item.json.session_id as string)?.outcome).toBe('Failed');
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('a missing binary field names the field', async () => {
		const run = await runWorkflow(
			chain(
				inputNode([{}]),
				aikynetixNode('Upload', { resource: 'running', operation: 'upload', userId: 'athlete-1', binaryPropertyName: 'video' }),
			),
			credentials,
		);
		expect(run.data.resultData.error?.message).toMatch(/video/);
	});

	it('Continue On Fail turns each failing item into an error item paired with its input', async () => {
		const [good] = sim.control.seed({ count: 1 }).ids;
		const gait = aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId('={{ $json.id }}') });
		gait.onError = 'continueRegularOutput';
		const run = await runWorkflow(chain(inputNode([{ id: 'missingSession1' }, { id: good }, { id: 'bad id!' }]), gait), credentials);
		expect(run.data.resultData.error).toBeUndefined();
		const items = outputOf(run, 'Gait');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.error).toMatch(/HTTP 404/);
		expect(items[0].json.description).toMatch(/session ID/);
		expect(items[1].json.session_id).toBe(good);
		expect(items[1].json).toHaveProperty('left');
		expect(items[2].json.error).toMatch(/Invalid input: Session/);
	});
});
