import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback npm registry serving one packed package, so n8n installs it exactly as it installs
 * community packages from npm (`N8N_COMMUNITY_PACKAGES_REGISTRY`): `npm pack <name>@<version>`
 * from the registry, unpack, strip dev/peer dependencies, `npm install` in the package folder.
 */
export async function servePackage(tarballPath: string): Promise<{ url: string; name: string; version: string; integrity: string; close(): Promise<void> }> {
	const tarball = readFileSync(tarballPath);
	const manifest = JSON.parse(
		// package.json inside the tarball is what npm publishes; read it from the source beside it
		readFileSync(tarballPath.replace(/[^/]+\.tgz$/, 'package/package.json'), 'utf8'),
	) as { name: string; version: string } & Record<string, unknown>;
	const file = `${manifest.name}-${manifest.version}.tgz`;
	const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
	const shasum = createHash('sha1').update(tarball).digest('hex');
	let base = '';
	const server: Server = createServer((req, res) => {
		const url = decodeURIComponent(req.url ?? '/');
		if (url === `/${manifest.name}`) {
			const packument = {
				name: manifest.name,
				'dist-tags': { latest: manifest.version },
				versions: { [manifest.version]: { ...manifest, dist: { tarball: `${base}/${manifest.name}/-/${file}`, integrity, shasum } } },
			};
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(packument));
			return;
		}
		if (url === `/${manifest.name}/-/${file}`) {
			res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': tarball.length });
			res.end(tarball);
			return;
		}
		res.writeHead(404, { 'content-type': 'application/json' });
		res.end('{"error":"not found"}');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		url: base,
		name: manifest.name,
		version: manifest.version,
		integrity,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
