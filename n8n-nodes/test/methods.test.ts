import { start, type Simulator } from '@aikynetix/simulator';
import { credentialTestContext, loadOptionsContext } from '../harness/engine';
import { TestCredentialsHelper } from '../harness/credentials';
import { aikynetixNode, byId } from '../harness/workflow';
import { aikynetixApiTest, searchSessions } from '../nodes/Aikynetix/methods';

describe('credential test (n8n-core CredentialTestContext) and the Session picker (LoadOptionsContext)', () => {
	let sim: Simulator;

	const credential = (data: Record<string, string>) => ({ id: 'cred-1', name: 'AIKYNETIX', type: 'aikynetixApi', data });

	beforeAll(async () => {
		sim = await start({ port: 0 });
	});
	afterAll(async () => {
		await sim.close();
	});
	beforeEach(async () => {
		await sim.control.reset();
	});

	async function test(data: Record<string, string>) {
		const helper = new TestCredentialsHelper(data);
		return await aikynetixApiTest.call(credentialTestContext(helper), credential(data));
	}

	it('accepts a working key on an account without sessions (the API answers 404 there)', async () => {
		const result = await test({ apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' });
		expect(result).toEqual({ status: 'OK', message: expect.stringMatching(/no sessions yet/) });
	});

	it('accepts a working key in each header style', async () => {
		sim.control.seed({ count: 1 });
		for (const authStyle of ['authorizationApiKey', 'apiKeyHeader']) {
			const result = await test({ apiKey: sim.apiKey, baseUrl: sim.url, authStyle });
			expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
		}
	});

	it('rejects a wrong key (401) with advice, without echoing the key', async () => {
		const result = await test({ apiKey: 'sk_definitely_wrong_key', baseUrl: sim.url, authStyle: 'authorizationApiKey' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/rejected the API key \(HTTP 401\)/);
		expect(result.message).not.toContain('sk_definitely_wrong_key');
	});

	it('fails for a server that is not the AIKYNETIX API (a 404 web page), naming the base URL', async () => {
		// The simulator answers like a web server or proxy that is not the API: an HTML 404 page.
		sim.control.setFaults([{ serverError: { count: 10, status: 404, html: true } }]);
		const result = await test({ apiKey: 'any-key-at-all', baseUrl: sim.url, authStyle: 'authorizationApiKey' });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(sim.url);
		expect(result.message).toMatch(/not from the AIKYNETIX API/);
		expect(result.message).not.toContain('any-key-at-all');
	});

	it('refuses plain http to a non-local host before sending the key', async () => {
		const result = await test({ apiKey: sim.apiKey, baseUrl: 'http://api.example.com', authStyle: 'authorizationApiKey' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/https/);
	});

	it('lists sessions for the picker, searches by title and pages with a token', async () => {
		sim.control.seed({ count: 60, titlePrefix: 'Track day', spacingMs: 60_000 });
		sim.control.seed({ count: 2, titlePrefix: 'Hill sprint', spacingMs: 60_000 });
		const helper = new TestCredentialsHelper({ apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' });
		const node = aikynetixNode('Node', { resource: 'running', operation: 'get', sessionId: byId('') });
		const ctx = loadOptionsContext(node, helper, 'parameters.sessionId');

		const first = await searchSessions.call(ctx);
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await searchSessions.call(ctx, undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(12);
		const all = new Set([...first.results, ...second.results].map((r) => r.value));
		expect(all.size).toBe(62);

		const wrongKey = 'wrong-key-for-picker';
		const rejected = loadOptionsContext(node, new TestCredentialsHelper({ apiKey: wrongKey, baseUrl: sim.url }), 'parameters.sessionId');
		await expect(searchSessions.call(rejected)).rejects.toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
			description: expect.stringMatching(/API key/),
		});

		const hills = await searchSessions.call(ctx, 'hill');
		expect(hills.results).toHaveLength(2);
		expect(hills.results.every((r) => /Hill sprint/.test(r.name))).toBe(true);
	});
});
