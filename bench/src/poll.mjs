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
  const rows = [];
  try {
    for (const size of SIZES) {
      log(`poll cost: account of ${size} sessions...`);
      await sim.reset();
      const now = Date.now();
      await sim.seed({ count: size, newestAt: new Date(now - 10 * 60_000).toISOString(), spacingMs: 60_000 });
      const client = new Aikynetix({ apiKey: sim.apiKey, baseUrl: proxy.url });
      const source = feedSourceFromApi(client);
      const events = ['processed'];

      // First run learns where the account is (emits nothing), then a quiet poll.
      const first = await pollEvents(source, undefined, { events });
      const seedCost = proxy.take();
      const quiet = await pollEvents(source, first.state, { events });
      const quietCost = proxy.take();
      // NEW sessions arrive, already processed.
      await sim.seed({ count: NEW, newestAt: new Date(now).toISOString(), spacingMs: 1000, titlePrefix: 'New run' });
      const after = await pollEvents(source, quiet.state, { events });
      const feedCost = proxy.take();
      if (after.events.length !== NEW) throw new Error(`the feed emitted ${after.events.length} events, expected ${NEW}`);
      const stateChars = JSON.stringify(after.state).length;
      await client.close();

      rows.push([size, 'core event feed (n8n trigger), first run', seedCost.requests, kb(seedCost.responseBytes), kb(seedCost.requestBytes), '0 (learns the account)', `state ${JSON.stringify(first.state).length} chars`]);
      rows.push([size, 'core event feed (n8n trigger), quiet poll', quietCost.requests, kb(quietCost.responseBytes), kb(quietCost.requestBytes), quiet.events.length, `state ${JSON.stringify(quiet.state).length} chars`]);
      rows.push([size, `core event feed (n8n trigger), ${NEW} new processed`, feedCost.requests, kb(feedCost.responseBytes), kb(feedCost.requestBytes), after.events.length, `state ${stateChars} chars`]);

      if (typeof zap === 'function') {
        const items = await zap({ apiKey: sim.apiKey, authStyle: 'authorizationApiKey', baseUrl: proxy.url });
        const c = proxy.take();
        rows.push([size, 'Zapier trigger New Session Processed (one poll)', c.requests, kb(c.responseBytes), kb(c.requestBytes), `${items.length} items (Zapier dedupes by id)`, '']);
      } else {
        rows.push([size, 'Zapier trigger New Session Processed', '', '', '', '', `not run: ${zap.notRun}`]);
      }

      const res = await request(`${proxy.url}/session-management/sessions/`, { headers: { authorization: `API-KEY ${sim.apiKey}` } });
      const listed = Object.keys((await res.body.json()).sessions ?? {}).length;
      const naive = proxy.take();
      rows.push([size, 'naive: GET /session-management/sessions/ (unpaged)', naive.requests, kb(naive.responseBytes), kb(naive.requestBytes), `${listed} sessions to diff`, '']);
    }
  } finally {
    await proxy.close();
    await sim.close();
  }
  return [
    '## Trigger poll cost',
    '',
    `An account of 1,000 and of 10,000 processed sessions; then ${NEW} new processed sessions arrive and the trigger polls. Requests and KB (10^3 bytes, status line + headers + body) per poll as seen by a counting proxy in front of the simulator. The core event feed is what the n8n trigger runs (\`pollEvents\` over the filter endpoint, paged, plus by-ids for sessions still processing); the Zapier trigger asks the filter endpoint for the newest ${'50'} processed sessions and lets Zapier deduplicate. Target: constant in account size.`,
    '',
    table(['account', 'approach', 'requests', 'KB received', 'KB sent', 'events / items', 'note'], rows),
  ].join('\n');
}
