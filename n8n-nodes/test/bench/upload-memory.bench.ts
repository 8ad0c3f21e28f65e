/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, no-console -- benchmark, never shipped */
// Memory of Upload Video in n8n's engine with filesystem binary data: a sparse video of each size
// goes through the binary store and is streamed to the simulator while RSS is sampled.
// Run: pnpm --filter n8n-nodes-aikynetix bench   (sizes: AIKYNETIX_BENCH_SIZES_MB=100,1000,2048)
import { closeSync, openSync, readFileSync, rmSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { start } from '@aikynetix/simulator';
import { runWorkflow } from '../harness/engine';
import { aikynetixNode, chain, inputNode, SAMPLE_VIDEO } from '../harness/workflow';

const sizes = (process.env.AIKYNETIX_BENCH_SIZES_MB ?? '100,1000,2048').split(',').map(Number);

/** A file of `mb` megabytes that starts like an MP4 (the simulator checks the magic bytes). */
function sparseVideo(mb: number): string {
	const file = path.join(tmpdir(), `aikynetix-bench-${mb}mb.mp4`);
	const fd = openSync(file, 'w');
	writeSync(fd, readFileSync(SAMPLE_VIDEO));
	ftruncateSync(fd, mb * 1024 * 1024);
	closeSync(fd);
	return file;
}

it('prints peak RSS of Upload Video per file size', async () => {
	const sim = await start({ port: 0, processingDelayMs: 100 });
	const rows: string[] = [];
	try {
		for (const mb of sizes) {
			const file = sparseVideo(mb);
			global.gc?.();
			const base = process.memoryUsage().rss;
			let peak = base;
			const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
			const started = Date.now();
			const run = await runWorkflow(
				chain(inputNode([{}], file), aikynetixNode('Upload', { resource: 'running', operation: 'upload', userId: 'bench', binaryPropertyName: 'data' })),
				{ apiKey: sim.apiKey, baseUrl: sim.url, authStyle: 'authorizationApiKey' },
			);
			clearInterval(sampler);
			rmSync(file, { force: true });
			const seconds = (Date.now() - started) / 1000;
			const status = run.data.resultData.error ? `error: ${run.data.resultData.error.message}` : 'ok';
			rows.push(
				`| ${String(mb).padStart(6)} | ${(base / 2 ** 20).toFixed(0).padStart(8)} | ${(peak / 2 ** 20).toFixed(0).padStart(8)} | ${((peak - base) / 2 ** 20).toFixed(0).padStart(8)} | ${seconds.toFixed(1).padStart(7)} | ${(mb / seconds).toFixed(0).padStart(5)} | ${status} |`,
			);
		}
	} finally {
		await sim.close();
	}
	console.log(
		[
			'Upload Video in n8n-core (binary data in filesystem mode), simulator in the same process',
			'| video MB | base RSS | peak RSS | growth MB | seconds |  MB/s | result |',
			'| -------- | -------- | -------- | --------- | ------- | ----- | ------ |',
			...rows,
		].join('\n'),
	);
}, 3_600_000);
