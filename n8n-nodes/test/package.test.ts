/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test, never shipped */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PackageDirectoryLoader } from 'n8n-core';

const packageDir = path.resolve(__dirname, '..');

describe('the built package, loaded the way n8n loads an installed community package', () => {
	let loader: PackageDirectoryLoader;

	beforeAll(async () => {
		if (!existsSync(path.join(packageDir, 'dist', 'nodes', 'Aikynetix', 'Aikynetix.node.js'))) {
			throw new Error('dist/ is missing: build the package first (turbo runs `build` before `test`)');
		}
		loader = new PackageDirectoryLoader(packageDir);
		await loader.loadAll();
	});

	it('registers both nodes and the credential under the package name', () => {
		expect(loader.packageName).toBe('n8n-nodes-aikynetix');
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(['aikynetix', 'aikynetixTrigger']);
		expect(Object.keys(loader.credentialTypes)).toEqual(['aikynetixApi']);
		expect(loader.known.credentials.aikynetixApi.supportedNodes?.sort()).toEqual(['aikynetix', 'aikynetixTrigger']);
	});

	it('finds the light and dark icons and the codex of each node', () => {
		for (const description of loader.types.nodes) {
			const icons = description.iconUrl as { light: string; dark: string };
			expect(icons.light).toMatch(/aikynetix\.svg$/);
			expect(icons.dark).toMatch(/aikynetix\.dark\.svg$/);
			expect(description.codex?.categories).toContain('Analytics');
		}
		for (const file of ['dist/icons/aikynetix.svg', 'dist/icons/aikynetix.dark.svg']) {
			expect(existsSync(path.join(packageDir, file))).toBe(true);
		}
	});

	it('loads nodes that carry the core inside dist (no runtime dependency)', () => {
		const node = loader.getNode('aikynetix').type as { description: { properties: unknown[] } };
		expect(node.description.properties.length).toBeGreaterThan(40);
		const loadedFrom = Object.keys(require.cache).filter((f) => f.includes(`${path.sep}dist${path.sep}vendor${path.sep}`));
		expect(loadedFrom).toEqual([path.join(packageDir, 'dist', 'vendor', 'aikynetix-core.js')]);
	});
});
