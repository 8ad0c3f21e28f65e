import { start, type Simulator } from '@aikynetix/simulator';
import type { INode } from 'n8n-workflow';
import { PolledTrigger } from '../harness/engine';
import { TestCredentialsHelper } from '../harness/credentials';
import { AIKYNETIX_TRIGGER } from '../harness/nodeTypes';

function triggerNode(parameters: INode['parameters']): INode {
	return {
		id: 'Trigger',
		name: 'AIKYNETIX Trigger',
		type: AIKYNETIX_TRIGGER,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { aikynetixApi: { id: 'cred-1', name: 'AIKYNETIX (simulator)' } },
	};
}

describe('AIKYNETIX Trigger polled through n8n-core PollContext', () => {
	let sim: Simulator;
	let credentials: TestCredentialsHelper;

	beforeAll(async () => {
		sim = await start({ port: 0, processingDelayMs: 60_000, genAiDelayMs: 100 });
		credentials = new TestCredentialsHelper({ apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' });
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(async () => {
		await sim.control.reset();
	});

	it('fires Session Processed exactly once per session, keeping its state in static data', async () => {
		sim.control.seed({ count: 3, processed: true, userIds: ['old-athlete'] });
		const trigger = new PolledTrigger(triggerNode({ event: 'processed', filters: {} }), credentials);

		// First poll: learns what exists; old sessions never fire.
		expect(await trigger.poll()).toBeNull();
		// n8n keeps a node's static data under `node:<name>`; the feed state lives there.
		expect(trigger.workflow.staticData['node:AIKYNETIX Trigger']).toHaveProperty('feed.v', 1);

		const [pendingId] = sim.control.seed({ count: 1, processed: false, userIds: ['athlete-1'] }).ids;
		expect(await trigger.poll()).toBeNull(); // uploaded, still processing

		sim.control.setSessionStatus(pendingId, 'Processed');
		const fired = await trigger.poll();
		expect(fired).toHaveLength(1);
		expect(fired![0].json).toMatchObject({ event: 'processed', session_id: pendingId, status: 'processed', user_id: 'athlete-1' });

		expect(await trigger.poll()).toBeNull();
		expect(JSON.stringify(trigger.workflow.staticData).length).toBeLessThan(16_000);
	});

	it('fires New Session for uploads matching the filters only', async () => {
		const trigger = new PolledTrigger(
			triggerNode({ event: 'created', filters: { activity: 'Running', userId: 'wanted' } }),
			credentials,
		);
		expect(await trigger.poll()).toBeNull();
		const wanted = sim.control.seed({ count: 2, processed: false, userIds: ['wanted'], spacingMs: 1000 }).ids;
		sim.control.seed({ count: 2, processed: false, userIds: ['someone-else'], spacingMs: 1000 });
		const fired = await trigger.poll();
		expect(fired?.map((i) => i.json.session_id).sort()).toEqual([...wanted].sort());
		expect(fired?.every((i) => i.json.event === 'created' && i.json.user_id === 'wanted')).toBe(true);
		expect(await trigger.poll()).toBeNull();
	});

	it('a burst of 250 uploads fires each New Session once over several polls, with bounded state', async () => {
		const trigger = new PolledTrigger(triggerNode({ event: 'created', filters: {} }), credentials);
		expect(await trigger.poll()).toBeNull();
		const burst = sim.control.seed({ count: 250, processed: false, spacingMs: 1000 }).ids;
		const fired: string[] = [];
		for (let poll = 0; poll < 20; poll++) {
			const items = await trigger.poll();
			if (!items) break;
			fired.push(...items.map((i) => String(i.json.session_id)));
			expect(JSON.stringify(trigger.workflow.staticData).length).toBeLessThan(16_000);
		}
		expect(fired).toHaveLength(250);
		expect([...fired].sort()).toEqual([...burst].sort());
		expect(await trigger.poll()).toBeNull();
	});

	it('fires for a session whose recorded date was moved into the past before the next poll', async () => {
		sim.control.seed({ count: 30, processed: true, newestAt: new Date(Date.now() - 3_600_000).toISOString() });
		const trigger = new PolledTrigger(triggerNode({ event: 'created', filters: {} }), credentials);
		expect(await trigger.poll()).toBeNull();
		const [id] = sim.control.seed({ count: 1, processed: true, userIds: ['late-upload'] }).ids;
		// Update Session, as a user fixing the recording date would: three weeks back.
		const res = await fetch(`${sim.url}/session-management/sessions/${id}`, {
			method: 'PUT',
			headers: { authorization: `API-KEY ${sim.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ created_at: '2025-01-02 08:30:00' }),
		});
		expect(res.status).toBe(200);
		const fired = await trigger.poll();
		expect(fired?.map((i) => i.json)).toEqual([expect.objectContaining({ event: 'created', session_id: id, user_id: 'late-upload' })]);
		expect(await trigger.poll()).toBeNull();
	});

	it('says so with a warning item when too many sessions appear below its position to identify', async () => {
		sim.control.seed({ count: 30, processed: true, newestAt: new Date(Date.now() - 3_600_000).toISOString() });
		const trigger = new PolledTrigger(triggerNode({ event: 'created', filters: {} }), credentials);
		expect(await trigger.poll()).toBeNull();
		// A bulk import of 400 sessions recorded last year: new to the account, but dated in the past.
		sim.control.seed({ count: 400, processed: true, newestAt: '2025-06-01T10:00:00.000Z' });
		const items = await trigger.poll();
		expect(items).toHaveLength(1);
		expect(items![0].json).toMatchObject({ event: 'warning', warning: 'sessions_unaccounted', count: 400 });
		expect(String(items![0].json.message)).toMatch(/recorded date moved into the past/);
		expect(await trigger.poll()).toBeNull(); // said once; the trigger goes on from the new count
	});

	it('fires Session Failed when processing fails', async () => {
		const trigger = new PolledTrigger(triggerNode({ event: 'failed', filters: {} }), credentials);
		expect(await trigger.poll()).toBeNull();
		const [id] = sim.control.seed({ count: 1, processed: false }).ids;
		expect(await trigger.poll()).toBeNull();
		sim.control.setSessionStatus(id, 'Failed', 'No runner visible in the video');
		const fired = await trigger.poll();
		expect(fired).toHaveLength(1);
		expect(fired![0].json).toMatchObject({ event: 'failed', session_id: id, status: 'failed' });
	});

	it('returns the most recent matching session on a manual test run, without touching the state', async () => {
		const ids = sim.control.seed({ count: 3, processed: true, userIds: ['u1'], spacingMs: 60_000 }).ids;
		const trigger = new PolledTrigger(triggerNode({ event: 'processed', filters: {} }), credentials);
		const items = await trigger.poll('manual');
		expect(items).toHaveLength(1);
		expect(items![0].json).toMatchObject({ event: 'processed', session_id: ids[0], status: 'processed' });
		expect(trigger.workflow.staticData['node:AIKYNETIX Trigger']).toBeUndefined();
	});

	it('a manual test run with nothing to show says what to do', async () => {
		const trigger = new PolledTrigger(triggerNode({ event: 'failed', filters: {} }), credentials);
		await expect(trigger.poll('manual')).rejects.toThrow('No session matches this event and these filters yet');
	});

	it('stops with a NodeApiError that names the key problem, without the key', async () => {
		const wrongKey = 'wrong-key-for-trigger-test';
		const wrong = new TestCredentialsHelper({ apiKey: wrongKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' });
		const trigger = new PolledTrigger(triggerNode({ event: 'processed', filters: {} }), wrong);
		const error = await trigger.poll().catch((e: unknown) => e as Error & { description?: string; httpCode?: string });
		expect(error).toBeInstanceOf(Error);
		expect(error!.constructor.name).toBe('NodeApiError');
		expect((error as { httpCode?: string }).httpCode).toBe('401');
		expect((error as { description?: string }).description).toMatch(/API key/);
		expect(JSON.stringify(error) + String((error as Error).message)).not.toContain(wrongKey);
	});
});
