import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, isolated headless chromium that talks only to loopback. */
export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Debian's chromium, installed with apt-get when it is missing (CI machines start without it). */
export function ensureChromium(): string {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	const apt = (args: string[]) =>
		execFileSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 15 * 60_000 });
	// Another installer (.ci/run's background apt step) may hold apt's lock: wait for it, not fail.
	apt(['-o', 'DPkg::Lock::Timeout=600', 'update']);
	apt(['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', '--no-install-recommends', 'chromium']);
	if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is missing`);
	return CHROMIUM;
}
