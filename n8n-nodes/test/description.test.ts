import { fieldsOf, operations } from '@aikynetix/core';
import type { INodeProperties } from 'n8n-workflow';
import { Aikynetix } from '../nodes/Aikynetix/Aikynetix.node';
import { AikynetixTrigger } from '../nodes/AikynetixTrigger/AikynetixTrigger.node';
import { allOperations, resources } from '../nodes/Aikynetix/actions/resources';
import { paramName } from '../nodes/Aikynetix/shared/properties';
import { AikynetixApi } from '../credentials/AikynetixApi.credentials';

describe('node description derived from the core registry', () => {
	const { description } = new Aikynetix();

	it('offers every registry operation exactly once', () => {
		const ids = allOperations.map((o) => o.op.id).sort();
		expect(ids).toEqual(operations.map((o) => o.id).sort());
	});

	it('has one Operation selector per resource whose values all route to an operation file', () => {
		for (const resource of resources) {
			const selector = description.properties.find(
				(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === resource.value,
			) as INodeProperties;
			const values = (selector.options as Array<{ value: string }>).map((o) => o.value);
			expect(values.sort()).toEqual(resource.operations.map((o) => o.key.operation).sort());
			expect(values).toContain(selector.default);
		}
	});

	it('shows every input field of each operation, under its camelCase name', () => {
		for (const operation of allOperations) {
			const shown = operation.description.flatMap((p) => (p.type === 'collection' ? (p.options as INodeProperties[]) : [p]));
			const names = new Set(shown.map((p) => p.name));
			const handledByNode = new Set(['video', 'start_after_id', 'end_before_id', 'limit']);
			for (const field of fieldsOf(operation.op)) {
				if (handledByNode.has(field.key) && ['running.createSession', 'sessions.filter'].includes(operation.op.id)) continue;
				expect({ op: operation.op.id, field: field.key, shown: names.has(paramName(field.key)) }).toEqual({
					op: operation.op.id,
					field: field.key,
					shown: true,
				});
			}
		}
	});

	it('session fields are resource locators with list, ID and URL modes', () => {
		const locators = description.properties.filter((p) => p.name === 'sessionId');
		expect(locators.length).toBeGreaterThan(10);
		for (const p of locators) {
			expect(p.type).toBe('resourceLocator');
			expect(p.modes?.map((m) => m.name)).toEqual(['list', 'id', 'url']);
		}
	});

	it('is usable as an AI tool and names its credential test', () => {
		expect(description.usableAsTool).toBe(true);
		expect(description.credentials).toEqual([{ name: 'aikynetixApi', required: true, testedBy: 'aikynetixApiTest' }]);
		expect(new AikynetixTrigger().description.credentials?.[0].testedBy).toBe('aikynetixApiTest');
	});

	it('the credential sends the key in the chosen header style', async () => {
		const credential = new AikynetixApi();
		const styles = { authorizationApiKey: { authorization: 'API-KEY k123' }, apiKeyHeader: { 'api-key': 'k123' }, bearer: { authorization: 'Bearer k123' } };
		for (const [authStyle, headers] of Object.entries(styles)) {
			const out = await credential.authenticate({ apiKey: 'k123', authStyle }, { url: 'https://x', headers: { accept: 'application/json' } });
			expect(out.headers).toEqual({ accept: 'application/json', ...headers });
		}
		expect(credential.properties.find((p) => p.name === 'apiKey')?.typeOptions?.password).toBe(true);
	});
});
