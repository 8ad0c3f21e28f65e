import { start, type Simulator } from '@aikynetix/simulator';
import type { INode } from 'n8n-workflow';
import { outputOf, runWorkflow } from '../harness/engine';
import { aikynetixNode, byId, chain, inputNode } from '../harness/workflow';

describe('AIKYNETIX operations against the simulator, in n8n-core WorkflowExecute', () => {
	let sim: Simulator;
	let credentials: { apiKey: string; baseUrl: string; authStyle: string };

	/** Runs one AIKYNETIX node after a start node emitting `items`; returns its output items. */
	async function runNode(parameters: INode['parameters'], items: object[] = [{}]) {
		const run = await runWorkflow(chain(inputNode(items), aikynetixNode('Node', parameters)), credentials);
		if (run.data.resultData.error) throw run.data.resultData.error;
		return outputOf(run, 'Node');
	}

	beforeAll(async () => {
		sim = await start({ port: 0, processingDelayMs: 200, genAiDelayMs: 100 });
		credentials = { apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' };
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(async () => {
		await sim.control.reset();
	});

	it('Find Sessions returns one item per session, honouring Limit, Return All (paging) and filters', async () => {
		sim.control.seed({ count: 130, userIds: ['u1', 'u2'], spacingMs: 60_000 });
		const limited = await runNode({ resource: 'session', operation: 'search', returnAll: false, limit: 7, filters: {} });
		expect(limited).toHaveLength(7);
		expect(limited.every((i) => typeof i.json.id === 'string')).toBe(true);

		const all = await runNode({ resource: 'session', operation: 'search', returnAll: true, filters: {} });
		expect(all).toHaveLength(130);
		expect(new Set(all.map((i) => i.json.id)).size).toBe(130);
		expect(all.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);

		const mine = await runNode({ resource: 'session', operation: 'search', returnAll: false, limit: 100, filters: { userId: 'u2' } });
		expect(mine).toHaveLength(65);
		expect(mine.every((i) => i.json.user_id === 'u2')).toBe(true);
	});

	it('Find Sessions with Return All rejects an impossible date instead of matching nothing', async () => {
		const run = await runWorkflow(
			chain(inputNode(), aikynetixNode('Node', { resource: 'session', operation: 'search', returnAll: true, filters: { startDate: '={{ "31/02/2024" }}' } })),
			credentials,
		);
		expect(run.data.resultData.error?.message).toMatch(/^Invalid input: Start Date: must be a real date/);
	});

	it('Find Sessions on an account without matches returns no items (the API 404 is an empty list)', async () => {
		const none = await runNode({ resource: 'session', operation: 'search', returnAll: true, filters: { userId: 'nobody' } });
		expect(none).toEqual([]);
	});

	it('List All Sessions, Get by IDs, Update and Delete', async () => {
		const ids = sim.control.seed({ count: 4 }).ids;
		expect(await runNode({ resource: 'session', operation: 'listAll', returnAll: false, limit: 3 })).toHaveLength(3);

		const byIds = await runNode({ resource: 'session', operation: 'getByIds', sessionIds: `${ids[0]}, ${ids[2]}` });
		expect(byIds.map((i) => i.json.id).sort()).toEqual([ids[0], ids[2]].sort());

		await runNode({ resource: 'session', operation: 'update', sessionId: byId(ids[1]), updateFields: { title: 'Renamed by n8n' } });
		expect(sim.control.session(ids[1])?.title).toBe('Renamed by n8n');

		await runNode({ resource: 'session', operation: 'delete', sessionId: byId(ids[3]) });
		expect(sim.control.session(ids[3])).toBeUndefined();
	});

	it('Session fields accept a link (By URL) as well as an ID', async () => {
		const [id] = sim.control.seed({ count: 1 }).ids;
		const [item] = await runNode({
			resource: 'running',
			operation: 'get',
			sessionId: { __rl: true, mode: 'url', value: `https://api.aikynetix.app/running/sessions/${id}/` },
		});
		expect(item.json.session_id).toBe(id);
	});

	it('Get Analyzed Video can download the video into a binary field', async () => {
		const [id] = sim.control.seed({ count: 1 }).ids;
		await runNode({ resource: 'analyzedVideo', operation: 'generate', sessionId: byId(id) });
		const [item] = await runNode({
			resource: 'analyzedVideo',
			operation: 'get',
			sessionId: byId(id),
			downloadVideo: true,
			binaryPropertyName: 'video',
		});
		expect(item.json.analyzed_video_url).toMatch(/^http/);
		expect(item.binary?.video).toMatchObject({ mimeType: 'video/mp4' });
		expect(item.binary?.video.id).toMatch(/^filesystem/);
	});

	it('Generate Gait and Form Recommendations wait for the GenAI text when asked', async () => {
		const [id] = sim.control.seed({ count: 1 }).ids;
		const [gait] = await runNode({
			resource: 'running',
			operation: 'generateGaitRecommendations',
			sessionId: byId(id),
			waitForText: true,
			maxWaitMinutes: 1,
		});
		expect(JSON.stringify(gait.json.report_comments)).toMatch(/[a-z]{4,}/i);
		const [form] = await runNode({
			resource: 'running',
			operation: 'generateFormRecommendations',
			sessionId: byId(id),
			waitForText: true,
			maxWaitMinutes: 1,
		});
		expect(JSON.stringify(form.json.form_comments)).toMatch(/[a-z]{4,}/i);
	});

	it('reports, exports and demo data for every activity', async () => {
		const [id] = sim.control.seed({ count: 1 }).ids;
		const form = await runNode({ resource: 'running', operation: 'getFormReport', sessionId: byId(id) });
		expect(form[0].json.session_id).toBe(id);
		const exported = await runNode({ resource: 'running', operation: 'export', sessionId: byId(id) });
		expect(exported[0].json).toHaveProperty('all_timestamps');
		const totals = await runNode({ resource: 'running', operation: 'getTotalMetrics' });
		expect(totals).toHaveLength(1);
		const summary = await runNode({ resource: 'running', operation: 'getSummary', sessionId: byId(id), options: {} });
		expect(summary[0].json).toHaveProperty('performance_metrics');

		// No demo switch for these (undocumented by the vendor): real seeded sessions instead.
		const [jumpId] = sim.control.seed({ count: 1, activity: 'Vertical Jump' }).ids;
		const [liftId] = sim.control.seed({ count: 1, activity: 'Weightlifting' }).ids;
		const jump = await runNode({ resource: 'jumping', operation: 'get', sessionId: byId(jumpId) });
		expect(Object.keys(jump[0].json).length).toBeGreaterThan(2);
		const lift = await runNode({ resource: 'weightlifting', operation: 'get', sessionId: byId(liftId) });
		expect(Object.keys(lift[0].json).length).toBeGreaterThan(2);
		const jumpExport = await runNode({ resource: 'jumping', operation: 'export', sessionId: byId(jumpId) });
		expect(jumpExport).toHaveLength(1);
		const liftExport = await runNode({ resource: 'weightlifting', operation: 'export', sessionId: byId(liftId) });
		expect(liftExport).toHaveLength(1);
	});

	it('processes every input item, each output paired with its input', async () => {
		const ids = sim.control.seed({ count: 3 }).ids;
		const items = await runNode(
			{ resource: 'running', operation: 'get', sessionId: byId('={{ $json.id }}') },
			ids.map((id) => ({ id })),
		);
		expect(items.map((i) => [i.json.session_id, i.pairedItem])).toEqual(ids.map((id, item) => [id, { item }]));
	});
});
