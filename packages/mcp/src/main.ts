import { Aikynetix, AikynetixError } from '@aikynetix/core';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { parseFlags, USAGE, UsageError } from './args';
import { resolveSettings } from './config';
import { createMcpServer } from './server';
import { VERSION } from './version';

// stdout carries the protocol over stdio: everything for people goes to stderr.
const log = (line: string) => process.stderr.write(`aikynetix-mcp: ${line}\n`);

/** One line for a startup problem, never a stack. */
function fail(err: unknown, secrets: string[]): never {
  let text = err instanceof Error ? err.message : String(err);
  if (err instanceof AikynetixError && err.hint) text += `. ${err.hint}`;
  for (const s of secrets) if (s.length >= 4) text = text.split(s).join('[redacted]');
  log(text);
  process.exit(err instanceof UsageError || err instanceof AikynetixError ? 2 : 1);
}

/** Starts the server as the command line asks; resolves once it is listening. */
export async function main(argv: string[]): Promise<void> {
  const secrets: string[] = [];
  try {
    const flags = parseFlags(argv);
    if (flags.help) return void process.stdout.write(USAGE);
    if (flags.version) return void process.stdout.write(`${VERSION}\n`);
    const settings = resolveSettings(flags, process.env);
    secrets.push(settings.apiKey);
    if (settings.http) secrets.push(settings.http.token);
    const client = new Aikynetix({ apiKey: settings.apiKey, baseUrl: settings.baseUrl, auth: settings.auth });
    const stops: Array<() => Promise<void>> = [];
    const stop = async () => {
      await Promise.allSettled(stops.map((s) => s()));
      await client.close();
      process.exit(0);
    };
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => void stop());

    if (settings.http) {
      const http = settings.http;
      // Loaded only for --http: the SDK's HTTP transport pulls in a web framework stdio never needs.
      const { startHttp } = await import('./http');
      const handle = await startHttp({
        host: http.host,
        port: http.port,
        token: http.token,
        newServer: () => createMcpServer({ client, transport: 'http', secrets }),
        log,
      });
      stops.push(() => handle.close());
      log(`serving MCP over Streamable HTTP at ${handle.url} for ${settings.baseUrl}`);
      return;
    }
    const server = createMcpServer({ client, transport: 'stdio', secrets });
    const transport = new StdioServerTransport();
    // The client closing stdin ends the session, and the process with it.
    transport.onclose = () => void stop();
    process.stdin.once('end', () => void stop());
    await server.connect(transport);
    log(`serving MCP over stdio for ${settings.baseUrl}`);
  } catch (err) {
    fail(err, secrets);
  }
}
