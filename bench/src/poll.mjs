import { createRequire } from 'node:module';
import { request } from 'undici';
import { countingProxy } from './lib/countingProxy.mjs';
import { fmt, table } from './lib/markdown.mjs';
import { CORE_DIST, requireFrom, ZAPIER_INDEX } from './lib/paths.mjs';
import { startSimProcess } from './lib/sim.mjs';

const require = createRequire(import.meta.url);
const SIZES = [1000, 10000];
const NEW = 3;

const kb = (b) => fmt(b / 1000, 1);

/** The Zapier "New Session Processed" trigger's perform, run by createAppTester (undefined if not built). */
function zapierTrigger() {
  try {
    // zapier-platform-core prints a memory line per invocation unless it believes it is under test.
    process.env.NODE_ENV ||= 'test';
    const App = require(ZAPIER_INDEX);
    const tester = requireFrom('zapier-app')('zapier-platform-core').createAppTester(App);
    return (authData) => tester(App.triggers.session_processed.operation.perform, { authData, inputData: {} });
  } catch (err) {
    return { notRun: err.message.split('\n')[0] };
  }
}

/** The AIKYNETIX Trigger node polled through n8n-core's PollContext (the n8n helper's harness). */
async function n8nTrigger() {
  try {
    const { loadN8nHarness } = await import('./lib/n8nHarness.mjs');
    const { engine, credentials } = loadN8nHarness();
    return (baseUrl, apiKey) => {
      const node = {
        id: 'Trigger',
        name: 'AIKYNETIX Trigger',
        type: 'n8n-nodes-aikynetix.aikynetixTrigger',
        typeVersion: 1,
        position: [0, 0],
        parameters: { event: 'processed', filters: {} },
        credentials: { aikynetixApi: { id: 'cred-1', name: 'AIKYNETIX' } },
      };
      const trigger = new engine.PolledTrigger(node, new credentials.TestCredentialsHelper({ apiKey, baseUrl, authStyle: 'authorizationApiKey' }));
      return {
        poll: async () => (await trigger.poll()) ?? [],
        stateChars: () => JSON.stringify(trigger.workflow.staticData).length,
      };
    };
  } catch (err) {
    return { notRun: err.message.split('\n')[0] };
  }
}

/**
 * Trigger poll cost: requests and bytes of one poll after NEW sessions were processed, in an
 * account of 1,000 and 10,000 sessions, for the core event feed (what the n8n trigger runs), the
 * Zapier trigger's request and the naive unpaged full list. Bytes are counted on the wire by a
 * proxy in front of the simulator (status line + headers + body).
 */
export async function pollBench({ log = console.error } = {}) {
  const { Aikynetix, pollEvents, feedSourceFromApi } = require(CORE_DIST);
  const sim = await startSimProcess();
  const proxy = await countingProxy(sim.url);
  const zap = zapierTrigger();
  const n8nMake = await n8nTrigger();
  const rows = [];
  const summary = [];
  try {
    for (const size of SIZES) {
      log(`poll cost: account of ${size} sessions...`);
      await sim.reset();
      const now = Date.now();
      await sim.seed({ count: size, newestAt: new Date(now - 10 * 60_000).toISOString(), spacingMs: 60_000 });
      const client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: proxy.url });
      const source = feedSourceFromApi(client);
      const events = ['processed'];
      const n8n = typeof n8nMake === 'function' ? n8nMake(proxy.url, sim.apiKey) : undefined;

      // First runs learn where the account is (emit nothing), then a quiet poll each.
      const first = await pollEvents(source, undefined, { events });
      const seedCost = proxy.take();
      const quiet = await pollEvents(source, first.state, { events });
      const quietCost = proxy.take();
      let n8nSeed;
      let n8nQuiet;
      if (n8n) {
        await n8n.poll();
        n8nSeed = proxy.take();
        const items = await n8n.poll();
        n8nQuiet = { ...proxy.take(), items: items.length };
      }
      // NEW sessions arrive, already processed.
      await sim.seed({ count: NEW, newestAt: new Date(now).toISOString(), spacingMs: 1000, titlePrefix: 'New run' });
      const after = await pollEvents(source, quiet.state, { events });
      const feedCost = proxy.take();
      if (after.events.length !== NEW) throw new Error(`the feed emitted ${after.events.length} events, expected ${NEW}`);
      const stateChars = JSON.stringify(after.state).length;

      rows.push([size, 'core event feed, first run', seedCost.requests, kb(seedCost.responseBytes), kb(seedCost.requestBytes), '0 (learns the account)', `state ${JSON.stringify(first.state).length} chars`]);
      rows.push([size, 'core event feed, quiet poll', quietCost.requests, kb(quietCost.responseBytes), kb(quietCost.requestBytes), quiet.events.length, `state ${JSON.stringify(quiet.state).length} chars`]);
      rows.push([size, `core event feed, ${NEW} new processed`, feedCost.requests, kb(feedCost.responseBytes), kb(feedCost.requestBytes), after.events.length, `state ${stateChars} chars`]);
      if (n8n) {
        const items = await n8n.poll();
        const c = proxy.take();
        if (items.length !== NEW) throw new Error(`the n8n trigger emitted ${items.length} items, expected ${NEW}`);
        rows.push([size, 'n8n AIKYNETIX Trigger (PollContext), first run', n8nSeed.requests, kb(n8nSeed.responseBytes), kb(n8nSeed.requestBytes), 0, '']);
        rows.push([size, 'n8n AIKYNETIX Trigger, quiet poll', n8nQuiet.requests, kb(n8nQuiet.responseBytes), kb(n8nQuiet.requestBytes), n8nQuiet.items, '']);
        rows.push([size, `n8n AIKYNETIX Trigger, ${NEW} new processed`, c.requests, kb(c.responseBytes), kb(c.requestBytes), items.length, `static data ${n8n.stateChars()} chars`]);
      } else {
        rows.push([size, 'n8n AIKYNETIX Trigger', '', '', '', '', `not run: ${n8nMake.notRun}`]);
      }

      if (typeof zap === 'function') {
        const items = await zap({ apiKey: sim.apiKey, authStyle: 'authorizationApiKey', baseUrl: proxy.url });
        const c = proxy.take();
        rows.push([size, 'Zapier trigger New Session Processed (one poll)', c.requests, kb(c.responseBytes), kb(c.requestBytes), `${items.length} items (Zapier dedupes by id)`, '']);
      } else {
        rows.push([size, 'Zapier trigger New Session Processed', '', '', '', '', `not run: ${zap.notRun}`]);
      }

      // One more upload whose recorded date is moved a month back (Update Session) before the next
      // poll: the account's count does not add up, so the poll reads the whole list to find it.
      const { ids: [lateId] } = await sim.seed({ count: 1, newestAt: new Date(now).toISOString(), titlePrefix: 'Late run' });
      await client.sessions.update({ session_id: lateId, created_at: new Date(now - 30 * 24 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') });
      proxy.take();
      const backdated = await pollEvents(source, after.state, { events: ['created'] });
      const backdatedCost = proxy.take();
      if (backdated.events.length !== 1 || backdated.events[0].sessionId !== lateId) throw new Error('the feed missed the back-dated session');
      const settled = await pollEvents(source, backdated.state, { events });
      const settledCost = proxy.take();
      await client.close();
      rows.push([size, 'core event feed, 1 session back-dated a month (count check + full read)', backdatedCost.requests, kb(backdatedCost.responseBytes), kb(backdatedCost.requestBytes), backdated.events.length, `found by the sweep: ${backdated.stats.recovered}`]);
      rows.push([size, 'core event feed, quiet poll after that', settledCost.requests, kb(settledCost.responseBytes), kb(settledCost.requestBytes), settled.events.length, `state ${JSON.stringify(settled.state).length} chars`]);
      const res = await request(`${proxy.url}/session-management/sessions/`, { headers: { authorization: `API-KEY ${sim.apiKey}` } });
      const listed = Object.keys((await res.body.json()).sessions ?? {}).length;
      const naive = proxy.take();
      summary.push(`${size.toLocaleString('en')} sessions: the feed's poll after ${NEW} new sessions received ${kb(feedCost.responseBytes)} KB in ${feedCost.requests} requests, the naive full list ${kb(naive.responseBytes)} KB (${fmt(naive.responseBytes / feedCost.responseBytes, 0)}x more)`);
      rows.push([size, 'naive: GET /session-management/sessions/ (unpaged)', naive.requests, kb(naive.responseBytes), kb(naive.requestBytes), `${listed} sessions to diff`, '']);
    }
  } finally {
    await proxy.close();
    await sim.close();
  }
  return [
    '## Trigger poll cost',
    '',
    `An account of 1,000 and of 10,000 processed sessions; then ${NEW} new processed sessions arrive and the trigger polls. Requests and KB (10^3 bytes, status line + headers + body) per poll as seen by a counting proxy in front of the simulator. The core event feed (\`pollEvents\`: the filter endpoint, paged, plus by-ids for sessions still processing) is what the n8n trigger node runs; it is measured directly and through the node in n8n-core's PollContext (the n8n helper's harness). The Zapier trigger asks the filter endpoint for the newest 50 processed sessions and lets Zapier deduplicate by id. "state" is the JSON the host stores between polls. Target: constant in account size for quiet polls and new sessions. The first run reads the account once (pages of 100) to fingerprint it; a poll after a session was back-dated below the feed's position reads it again (the count check; see docs/n8n.md, Limits).`,
    '',
    table(['account', 'approach', 'requests', 'KB received', 'KB sent', 'events / items', 'note'], rows),
    '',
    ...summary.map((line) => `- ${line}.`),
  ].join('\n');
}
