import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { type AuthStyle, ConfigError, isAuthStyle } from '@aikynetix/core';

/** The connection flags every command accepts. */
export interface ConnectionFlags {
  apiKey?: string;
  baseUrl?: string;
  authStyle?: string;
  config?: string;
}

/** Where a setting came from (shown by --verbose; the key's value never is). */
export type Source = 'flag' | 'env' | 'config file' | 'default';

/** Connection settings after applying flags > env > config file > defaults. */
export interface Settings {
  apiKey?: string;
  baseUrl?: string;
  auth?: AuthStyle;
  sources: { apiKey: Source; baseUrl: Source; auth: Source };
  /** The config file that was read, if any. */
  configPath?: string;
}

/** Environment variable names, for messages and docs. */
export const ENV = {
  apiKey: 'AIKYNETIX_API_KEY',
  baseUrl: 'AIKYNETIX_BASE_URL',
  auth: 'AIKYNETIX_AUTH_STYLE',
} as const;

/** `$XDG_CONFIG_HOME/aikynetix/config.json`, else `~/.config/aikynetix/config.json`. */
export function defaultConfigPath(env: Record<string, string | undefined>): string {
  const xdg = env.XDG_CONFIG_HOME?.trim();
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME?.trim() || homedir(), '.config');
  return join(base, 'aikynetix', 'config.json');
}

interface FileSettings {
  apiKey?: string;
  baseUrl?: string;
  authStyle?: string;
}

const FILE_KEYS = ['apiKey', 'baseUrl', 'authStyle'] as const;

/** Reads the config file; a missing default file is fine, a missing explicit one is not. */
function readConfigFile(path: string, explicit: boolean): FileSettings | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (!explicit && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`Cannot read config file ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, {
      hint: 'Check the --config path, or leave it out to use flags and environment variables.',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError(`Config file ${path} is not valid JSON`, {
      hint: 'Write it as {"apiKey": "...", "baseUrl": "https://api.aikynetix.app", "authStyle": "authorizationApiKey"}.',
    });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigError(`Config file ${path} must hold a JSON object`);
  }
  const obj = data as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => !(FILE_KEYS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new ConfigError(`Config file ${path}: unknown setting ${unknown.map((k) => `"${k}"`).join(', ')}`, {
      hint: `Allowed settings: ${FILE_KEYS.join(', ')}.`,
    });
  }
  for (const k of FILE_KEYS) {
    if (obj[k] !== undefined && typeof obj[k] !== 'string') {
      throw new ConfigError(`Config file ${path}: "${k}" must be a string`);
    }
  }
  return obj as FileSettings;
}

function pick<T>(candidates: Array<[Source, T | undefined]>): [Source, T | undefined] {
  for (const [source, value] of candidates) {
    if (value !== undefined && (typeof value !== 'string' || value.trim() !== '')) return [source, value];
  }
  return ['default', undefined];
}

/** Resolve connection settings: flags > environment > config file > defaults. */
export function resolveSettings(flags: ConnectionFlags, env: Record<string, string | undefined>, cwd: string): Settings {
  const explicit = flags.config !== undefined;
  const configPath = explicit ? resolve(cwd, flags.config!) : defaultConfigPath(env);
  const file = readConfigFile(configPath, explicit);

  const [keySource, apiKey] = pick<string>([
    ['flag', flags.apiKey],
    ['env', env[ENV.apiKey]],
    ['config file', file?.apiKey],
  ]);
  const [urlSource, baseUrl] = pick<string>([
    ['flag', flags.baseUrl],
    ['env', env[ENV.baseUrl]],
    ['config file', file?.baseUrl],
  ]);
  const [authSource, auth] = pick<string>([
    ['flag', flags.authStyle],
    ['env', env[ENV.auth]],
    ['config file', file?.authStyle],
  ]);
  if (auth !== undefined && !isAuthStyle(auth.trim())) {
    const where = authSource === 'flag' ? '--auth-style' : authSource === 'env' ? ENV.auth : `authStyle in ${configPath}`;
    throw new ConfigError(`Unknown auth style "${auth}" (from ${where})`, {
      hint: 'Use authorizationApiKey (default), apiKeyHeader or bearer.',
    });
  }
  return {
    apiKey: apiKey?.trim(),
    baseUrl: baseUrl?.trim(),
    auth: auth?.trim() as AuthStyle | undefined,
    sources: { apiKey: keySource, baseUrl: urlSource, auth: authSource },
    configPath: file ? configPath : undefined,
  };
}
