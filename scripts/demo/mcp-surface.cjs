// Surface 4: the flagship automation as an AI agent would run it — tool calls through the
// `aikynetix-mcp` server (stdio), made with the official MCP SDK's client.
'use strict';
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { report, step, keyMetrics } = require('./shared.cjs');

const root = join(__dirname, '..', '..');
const bin = join(root, 'packages', 'mcp', 'dist', 'bin.js');
const video = join(root, 'shared', 'fixtures', 'sample-run.mp4');
// The SDK is a dependency of packages/mcp, not of the repo root.
const sdk = createRequire(join(root, 'packages', 'mcp', 'package.json'));
const { Client } = sdk('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = sdk('@modelcontextprotocol/sdk/client/stdio.js');

async function main() {
  const started = Date.now();
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin], env: process.env, stderr: 'inherit' });
  const client = new Client({ name: 'aikynetix-demo', version: '1.0.0' });
  try {
    await client.connect(transport);
    const { tools } = await client.listTools();
    step('mcp', `connected; ${tools.length} tools`);
    const call = async (name, args) => {
      const t0 = Date.now();
      const r = await client.callTool({ name, arguments: args }, undefined, {
        onprogress: (p) => step('mcp', `  … ${name}: ${p.message ?? p.progress}`),
      });
      const text = (r.content ?? []).map((c) => c.text ?? '').join(' ');
      step('mcp', `${name} ${JSON.stringify(args)} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      if (r.isError) throw new Error(`${name}: ${text}`);
      return r.structuredContent;
    };
    const created = await call('upload_video', { user_id: 'demo-athlete', video, session_name: 'Demo run (MCP)' });
    const id = created.session_id;
    const session = await call('wait_for_session', { session_id: id });
    const gait = await call('get_gait_analysis_report', { session_id: id });
    await call('generate_summary', { session_id: id });
    const summary = await call('wait_for_summary_text', { session_id: id });
    const analyzed = await call('generate_analyzed_video', { session_id: id });
    report({
      surface: 'MCP server',
      sessionId: id,
      status: session.status,
      gaitSides: ['left', 'right'].filter((s) => gait[s]).length,
      summaryText: Boolean(summary.summary_text),
      ...keyMetrics(summary),
      videoUrl: analyzed.analyzed_video_url,
      seconds: (Date.now() - started) / 1000,
    });
  } catch (err) {
    report({ surface: 'MCP server', error: String(err.message || err), seconds: (Date.now() - started) / 1000 });
  } finally {
    await client.close().catch(() => undefined);
  }
}

main();
