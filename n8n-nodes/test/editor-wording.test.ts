/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test, never shipped */
import { runInNewContext } from 'node:vm';
import { start, type Simulator } from '@aikynetix/simulator';
import { operations } from '@aikynetix/core';
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { loadOptionsContext, runWorkflow } from '../harness/engine';
import { TestCredentialsHelper } from '../harness/credentials';
import { aikynetixNode, byId, chain, inputNode } from '../harness/workflow';
import { Aikynetix } from '../nodes/Aikynetix/Aikynetix.node';
import { AikynetixTrigger } from '../nodes/AikynetixTrigger/AikynetixTrigger.node';
import { allOperations, resources } from '../nodes/Aikynetix/actions/resources';
import { searchProcessedSessions, searchSessions } from '../nodes/Aikynetix/methods';

/** What the editor shows: subtitles, operation names, the Session picker and hints (issue 11, item 6). */
describe('the node reads right in the editor', () => {
	const { description } = new Aikynetix();
	const optionsOf = (resource: string) =>
		(description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === resource)
			?.options ?? []) as INodePropertyOptions[];

	it('the trigger subtitle shows the event label, not its value', () => {
		const trigger = new AikynetixTrigger().description;
		const expression = String(trigger.subtitle).replace(/^=\{\{/, '').replace(/\}\}$/, '');
		const evaluate = ($parameter: Record<string, string>) => runInNewContext(expression, { $parameter }) as string;
		const events = (trigger.properties.find((p) => p.name === 'event')?.options ?? []) as INodePropertyOptions[];
		expect(events.length).toBeGreaterThan(0);
		for (const e of events) expect(evaluate({ event: String(e.value) })).toBe(`On ${e.name}`);
		expect(evaluate({ event: 'processed' })).toBe('On Session Processed');
	});

	it("operation names use n8n's wording: the verb without the resource's noun; actions in sentence case", () => {
		expect(optionsOf('session').map((o) => o.name)).toEqual(['Delete', 'Get by IDs', 'Get Many', 'Get Many With Metrics', 'Update']);
		expect(optionsOf('session').find((o) => o.value === 'getByIds')?.action).toBe('Get sessions by IDs');
		expect(optionsOf('session').find((o) => o.value === 'search')?.action).toBe('Get many sessions');
		for (const resource of ['running', 'jumping', 'weightlifting', 'analyzedVideo']) {
			expect(optionsOf(resource).find((o) => o.value === 'get')?.name).toBe('Get');
		}
		for (const r of resources) {
			const noun = r.name.split(' ')[0];
			for (const o of optionsOf(r.value)) {
				expect({ resource: r.value, name: o.name, repeatsResource: o.name.includes(noun) }).toEqual({ resource: r.value, name: o.name, repeatsResource: false });
				expect(o.action).toMatch(/^[A-Z][a-z-]*( ([a-z-]+|[A-Z]{2,}s?))*$/);
			}
		}
	});

	it('report operations pick only processed sessions; update, delete and Get Running Session pick any', () => {
		const pickerOf = (resource: string, operation: string) => {
			const op = allOperations.find((o) => o.key.resource === resource && o.key.operation === operation);
			const field = op?.description.find((p) => p.name === 'sessionId') as INodeProperties;
			return field.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod;
		};
		expect(pickerOf('running', 'getGaitReport')).toBe('searchProcessedSessions');
		expect(pickerOf('analyzedVideo', 'get')).toBe('searchProcessedSessions');
		expect(pickerOf('weightlifting', 'getLiftAnalysis')).toBe('searchProcessedSessions');
		expect(pickerOf('session', 'update')).toBe('searchSessions');
		expect(pickerOf('session', 'delete')).toBe('searchSessions');
		expect(pickerOf('running', 'get')).toBe('searchSessions');
		expect(new Aikynetix().methods.listSearch).toEqual({ searchProcessedSessions, searchSessions });
		expect(allOperations.length).toBe(operations.length);
	});

	describe('against the simulator', () => {
		let sim: Simulator;
		let credentials: { apiKey: string; baseUrl: string; authStyle: string };
		beforeAll(async () => {
			sim = await start({ port: 0, processingDelayMs: 600_000 });
			credentials = { apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' };
		});
		afterAll(async () => {
			await sim.close();
		});

		it('the picker of report operations leaves out sessions still processing or failed; the general one marks them', async () => {
			sim.control.seed({ count: 4, titlePrefix: 'Ready', failedEvery: 2 });
			sim.control.seed({ count: 2, titlePrefix: 'Busy', processed: false });
			const helper = new TestCredentialsHelper(credentials);
			const node = aikynetixNode('Node', { resource: 'running', operation: 'getGaitReport', sessionId: byId('') });
			const ctx = loadOptionsContext(node, helper, 'parameters.sessionId');
			const reports = await searchProcessedSessions.call(ctx);
			expect(reports.results).toHaveLength(2);
			expect(reports.results.every((r) => /^Ready/.test(r.name) && !/failed|processing/.test(r.name))).toBe(true);
			const all = await searchSessions.call(ctx);
			expect(all.results).toHaveLength(6);
			expect(all.results.filter((r) => /still processing\)$/.test(r.name))).toHaveLength(2);
			expect(all.results.filter((r) => /failed\)$/.test(r.name))).toHaveLength(2);
			const searched = await searchProcessedSessions.call(ctx, 'ready');
			expect(searched.results).toHaveLength(2);
		});

		it('a report of a session still processing, failed or of another activity gets a hint that fits, not "check the session ID"', async () => {
			const [busy] = sim.control.seed({ count: 1, titlePrefix: 'Busy', processed: false }).ids;
			const [failed] = sim.control.seed({ count: 1, titlePrefix: 'Broken', failedEvery: 1 }).ids;
			const report = (id: string) =>
				runWorkflow(chain(inputNode(), aikynetixNode('Gait', { resource: 'running', operation: 'getGaitReport', sessionId: byId(id) })), credentials);
			const descriptionOf = async (id: string) => String((await report(id)).data.resultData.error?.description);
			expect(await descriptionOf(busy)).toMatch(/still being analysed.*Wait for Processing.*AIKYNETIX Trigger/);
			expect(await descriptionOf(failed)).toMatch(/could not analyse.*upload the video again/);
			expect(await descriptionOf('NoSuchSession0000000')).toMatch(/Check the session ID/);
			const [jump] = sim.control.seed({ count: 1, activity: 'Vertical Jump' }).ids;
			const wrong = (await report(jump)).data.resultData.error;
			expect(wrong?.message).toMatch(/Vertical Jump session/);
			expect(String(wrong?.description)).toMatch(/choose Resource "Jumping"/);
		});
	});
});
