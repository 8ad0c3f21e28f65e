// Runs inside a registry copy (see registry-copy.ts): calls the new operation through the copied
// client and reads the copied n8n node's description; prints what each surface shows as JSON.
'use strict';
require('./shared/swc-register.cjs');
const { Aikynetix } = require('@aikynetix/core/host');
const { Aikynetix: AikynetixNode } = require('./n8n-nodes/nodes/Aikynetix/Aikynetix.node.ts');

(async () => {
  const sent = [];
  const transport = {
    async send(request) {
      sent.push({ method: request.method, url: request.url });
      return { status: 200, headers: { 'content-type': 'application/json' }, body: '{"heights_cm":[31,33]}' };
    },
  };
  // A host client, as the adapters build it: its own transport and its own waiting (never used here).
  const client = new Aikynetix({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', transport, sleep: () => Promise.resolve(), maxRetries: 0 });
  const result = await client.jumping.getHeights({ session_id: 'abc' });
  const properties = new AikynetixNode().description.properties;
  const selector = properties.find((p) => p.name === 'operation' && p.displayOptions.show.resource[0] === 'jumping');
  const fields = properties.filter((p) => p.displayOptions?.show?.operation?.[0] === 'getHeights').map((p) => p.name);
  process.stdout.write(JSON.stringify({ sent, result, n8nOptions: selector.options, fields }));
})().catch((error) => {
  process.stderr.write(String(error && error.stack));
  process.exit(1);
});
