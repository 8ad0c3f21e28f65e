import { type AuthStyle, ConfigError, isAuthStyle, isLoopbackHost, normalizeBaseUrl } from '@aikynetix/core';
import { type Flags, UsageError } from './args';

/** Environment variable names, for messages and docs. */
export const ENV = {
  apiKey: 'AIKYNETIX_API_KEY',
  baseUrl: 'AIKYNETIX_BASE_URL',
  auth: 'AIKYNETIX_AUTH_STYLE',
  token: 'AIKYNETIX_MCP_TOKEN',
} as const;

/** Default port of the HTTP transport. */
export const DEFAULT_PORT = 3927;

/** How the server listens over HTTP. */
export interface HttpSettings {
  host: string;
  port: number;
  /** The bearer token every request must carry. */
  token: string;
}

/** Everything the server needs, after flags > environment > defaults. */
export interface Settings {
  apiKey: string;
  baseUrl: string;
  auth?: AuthStyle;
  /** Present with --http. */
  http?: HttpSettings;
}

const firstSet = (...values: Array<string | undefined>): string | undefined =>
  values.map((v) => v?.trim()).find((v): v is string => v !== undefined && v !== '');

/** Resolves and checks the settings; throws ConfigError / UsageError naming the setting. */
export function resolveSettings(flags: Flags, env: Record<string, string | undefined>): Settings {
  const apiKey = firstSet(flags.apiKey, env[ENV.apiKey]);
  if (!apiKey) {
    throw new ConfigError('No API key configured', { hint: `Set ${ENV.apiKey} in the environment the server starts in (or pass --api-key).` });
  }
  const baseUrl = normalizeBaseUrl(firstSet(flags.baseUrl, env[ENV.baseUrl]));
  const auth = firstSet(flags.authStyle, env[ENV.auth]);
  if (auth !== undefined && !isAuthStyle(auth)) {
    throw new ConfigError(`Unknown auth style "${auth}"`, { hint: 'Use authorizationApiKey (default), apiKeyHeader or bearer.' });
  }
  const settings: Settings = { apiKey, baseUrl, auth: auth as AuthStyle | undefined };
  if (flags.http) settings.http = resolveHttp(flags, env);
  return settings;
}

function resolveHttp(flags: Flags, env: Record<string, string | undefined>): HttpSettings {
  const portText = flags.port?.trim() ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a whole number from 0 to 65535 (got '${portText}')`);
  const host = flags.host?.trim() || '127.0.0.1';
  if (!isLoopbackHost(host) && !flags.allowRemote) {
    throw new UsageError(
      `Refusing to listen on ${host}: only loopback addresses (127.0.0.1, localhost, ::1) are allowed without --allow-remote`,
    );
  }
  // Required rather than generated: a generated token would have to be printed, and secrets never are.
  const token = firstSet(flags.token, env[ENV.token]);
  if (token === undefined) {
    throw new UsageError(`--http needs a bearer token: set ${ENV.token} (at least 16 characters, e.g. from \`openssl rand -hex 24\`)`);
  }
  if (token.length < 16) throw new UsageError(`The MCP token (${ENV.token} or --token) must be at least 16 characters long`);
  return { host, port, token };
}
