import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { N8nInstall } from '../e2e-n8n/n8n-cli';

/** A free loopback port. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const s = createServer();
		s.on('error', reject);
		s.listen(0, '127.0.0.1', () => {
			const { port } = s.address() as { port: number };
			s.close(() => resolve(port));
		});
	});
}

/** A running `n8n start` on loopback with a scratch user folder. */
export interface N8nServer {
	url: string;
	userFolder: string;
	/** Everything n8n printed so far. */
	output(): string;
	stop(): Promise<void>;
}

/**
 * Installs the packed package into the user folder's `.n8n/nodes` with npm, as n8n's docs describe
 * for self-hosted instances (`npm install <package>` in ~/.n8n/nodes, then start n8n). npm reads
 * the package from the loopback registry. (n8n's own installer would do the same, but it accepts a
 * registry other than npmjs.org only with an enterprise licence.)
 */
async function installCommunityPackage(userFolder: string, registry: string, spec: string): Promise<void> {
	const nodes = path.join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodes, { recursive: true });
	writeFileSync(path.join(nodes, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }));
	// --legacy-peer-deps: n8n provides n8n-workflow, as for every community package.
	// Asynchronously: the registry answering npm runs in this process.
	await promisify(execFile)('npm', ['install', '--ignore-scripts', '--legacy-peer-deps', '--no-audit', '--no-fund', `--registry=${registry}`, spec], {
		cwd: nodes,
		timeout: 5 * 60_000,
	});
}

/** Starts a real n8n with the package installed as a community package from `registry`. */
export async function startN8n(
	install: N8nInstall,
	opts: { registry: string; packageName: string; version: string; timeoutMs: number },
): Promise<N8nServer> {
	const port = await freePort();
	const brokerPort = await freePort();
	const userFolder = mkdtempSync(path.join(tmpdir(), 'aikynetix-n8n-editor-'));
	await installCommunityPackage(userFolder, opts.registry, `${opts.packageName}@${opts.version}`);
	const env: NodeJS.ProcessEnv = {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENCRYPTION_KEY: 'aikynetix-editor-test',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		// other n8n instances on this machine may hold the default task-broker port (5679)
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		npm_config_registry: opts.registry,
		// n8n asks api.n8n.io about packages it installs; keep every request on this machine (the
		// lookup fails fast and n8n goes on, as it does offline).
		HTTP_PROXY: 'http://127.0.0.1:9',
		HTTPS_PROXY: 'http://127.0.0.1:9',
		NO_PROXY: '127.0.0.1,localhost',
		DB_TYPE: 'sqlite',
		N8N_LOG_LEVEL: 'info',
		NODE_OPTIONS: '--max-old-space-size=2048',
	};
	const child: ChildProcess = spawn(install.node, [install.n8n, 'start'], { env, cwd: userFolder, stdio: ['ignore', 'pipe', 'pipe'] });
	let out = '';
	child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + opts.timeoutMs;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n exited (${child.exitCode}):\n${out.slice(-4000)}`);
		try {
			const res = await fetch(`${url}/healthz/readiness`);
			if (res.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`n8n did not become ready in ${opts.timeoutMs} ms:\n${out.slice(-4000)}`);
		}
		await new Promise((r) => setTimeout(r, 1000));
	}
	return {
		url,
		userFolder,
		output: () => out,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
				await exited;
				clearTimeout(timer);
			}
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** Creates the instance owner through n8n's REST API; returns the auth cookie for the browser. */
export async function setupOwner(url: string, user: { email: string; password: string }): Promise<string> {
	const res = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: user.email, firstName: 'Test', lastName: 'Owner', password: user.password }),
	});
	if (!res.ok) throw new Error(`owner setup failed: ${res.status} ${await res.text()}`);
	const cookie = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('owner setup returned no n8n-auth cookie');
	return cookie.split(';')[0].slice('n8n-auth='.length);
}
