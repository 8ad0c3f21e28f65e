import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { start, type Simulator } from '@aikynetix/simulator';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureN8n } from '../e2e-n8n/n8n-cli';
import { CHROMIUM_FLAGS, ensureChromium } from './chromium';
import { startN8n, setupOwner, type N8nServer } from './n8nServer';
import { servePackage } from './registry';

// The n8n editor in a real browser (Debian's chromium driven by playwright-core), against a real
// n8n that installed the packed package the way it installs community packages: from a registry
// (a loopback one here), at start-up (N8N_COMMUNITY_PACKAGES).
const PACKAGE_DIR = path.resolve(__dirname, '..', '..', 'n8n-nodes');
const SCREENSHOTS = path.resolve(__dirname, '..', '..', '.cache', 'editor-screenshots');
const owner = { email: 'owner@example.com', password: 'Editor-test-1' };

let sim: Simulator;
let n8n: N8nServer;
let browser: Browser;
let page: Page;
let work: string;
let registry: Awaited<ReturnType<typeof servePackage>>;
const startedAt = Date.now();

async function shot(name: string): Promise<void> {
	await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

beforeAll(async () => {
	const executablePath = ensureChromium();
	const install = await ensureN8n(25 * 60_000);
	rmSync(SCREENSHOTS, { recursive: true, force: true });
	mkdirSync(SCREENSHOTS, { recursive: true });
	console.log(`editor screenshots: ${SCREENSHOTS}`);
	work = mkdtempSync(path.join(tmpdir(), 'aikynetix-editor-pack-'));
	execFileSync('npx', ['--yes', 'pnpm@10.34.9', 'pack', '--pack-destination', work], { cwd: PACKAGE_DIR, stdio: 'ignore' });
	const tarball = path.join(work, readdirSync(work).find((f) => f.endsWith('.tgz'))!);
	execFileSync('tar', ['-xzf', tarball, '-C', work]);
	registry = await servePackage(tarball);
	sim = await start({ port: 0, processingDelayMs: 500 });
	sim.control.seed({ count: 5, spacingMs: 60_000 });
	n8n = await startN8n(install, { registry: registry.url, packageName: registry.name, version: registry.version, timeoutMs: 8 * 60_000 });
	const cookie = await setupOwner(n8n.url, owner);
	browser = await chromium.launch({ executablePath, args: [...CHROMIUM_FLAGS, `--user-data-dir=${path.join(work, 'profile')}`] });
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.addCookies([{ name: 'n8n-auth', value: cookie, url: n8n.url }]);
	page = await context.newPage();
}, 30 * 60_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.stop();
	await sim?.close();
	await registry?.close();
	if (work) rmSync(work, { recursive: true, force: true });
	console.log(`editor test ran in ${((Date.now() - startedAt) / 1000).toFixed(0)} s; screenshots in ${SCREENSHOTS}`);
}, 60_000);

test('n8n installed the package as a community package', async () => {
	const res = await fetch(`${n8n.url}/types/nodes.json`);
	const types = (await res.json()) as Array<{ name: string }>;
	const ours = types.filter((t) => t.name.startsWith('n8n-nodes-aikynetix.')).map((t) => t.name);
	expect(ours.sort()).toEqual(['n8n-nodes-aikynetix.aikynetix', 'n8n-nodes-aikynetix.aikynetixTrigger']);
});

test('the node and the trigger appear in the node panel with their icon', async () => {
	await page.goto(`${n8n.url}/workflow/new`);
	await page.waitForLoadState('networkidle');
	await shot('01-new-workflow');
	await page.keyboard.press('Tab');
	await page.getByPlaceholder(/Search/i).first().fill('AIKYNETIX');
	await page.waitForTimeout(1000);
	await shot('02-node-panel');
	const body = await page.locator('body').innerText();
	expect(body).toContain('AIKYNETIX');
	expect(body).toContain('AIKYNETIX Trigger');
	const icons = page.locator('img[src*="aikynetix"]');
	expect(await icons.count()).toBeGreaterThan(0);
});
