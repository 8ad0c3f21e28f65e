import { Aikynetix, ConfigError, type Logger } from '@aikynetix/core';
import type { Command } from 'commander';
import { ENV, resolveSettings, type Settings } from './config';
import type { Io } from './io';
import { json } from './output';
import { statusLine, type StatusLine } from './progress';

/** What every command gets: output helpers, settings and a lazily built client. */
export interface Context {
  io: Io;
  /** --json: stdout carries only JSON. */
  json: boolean;
  verbose: boolean;
  signal?: AbortSignal;
  cwd: string;
  /** Connection settings (resolved on first use, so `simulate` needs none). */
  settings(): Settings;
  /** The API client; throws ConfigError when no key is configured. */
  client(): Aikynetix;
  /** The result: JSON with --json, else the human text. */
  result(value: unknown, human: () => string): void;
  /** A status message for people (stderr; suppressed with --json). */
  info(text: string): void;
  /** Debug lines with --verbose (stderr). */
  debug(text: string): void;
  /** Whether a progress bar / spinner may be drawn. */
  interactive: boolean;
  status(): StatusLine;
  /** Releases the client's sockets. */
  dispose(): Promise<void>;
}

/** Global options, as commander parses them. */
export interface GlobalOptions {
  apiKey?: string;
  baseUrl?: string;
  authStyle?: string;
  config?: string;
  json?: boolean;
  verbose?: boolean;
}

/** Builds the context for one command from its options (globals included). */
export function createContext(io: Io, command: Command, onSecret: (key: string) => void): Context {
  const opts = command.optsWithGlobals<GlobalOptions>();
  const cwd = io.cwd ?? process.cwd();
  const asJson = Boolean(opts.json);
  const verbose = Boolean(opts.verbose);
  const interactive = !asJson && Boolean(io.stderr.isTTY);
  let settings: Settings | undefined;
  let client: Aikynetix | undefined;

  const ctx: Context = {
    io,
    json: asJson,
    verbose,
    signal: io.signal,
    cwd,
    interactive,
    settings() {
      if (!settings) {
        settings = resolveSettings(opts, io.env, cwd);
        if (settings.apiKey) onSecret(settings.apiKey);
        const s = settings;
        ctx.debug(
          `config: file ${s.configPath ?? '(none)'}; base URL ${s.baseUrl ?? '(default)'} from ${s.sources.baseUrl}; ` +
            `auth style ${s.auth ?? '(default)'} from ${s.sources.auth}; API key ${s.apiKey ? 'set' : 'not set'} from ${s.sources.apiKey}`,
        );
      }
      return settings;
    },
    client() {
      if (client) return client;
      const s = ctx.settings();
      if (!s.apiKey) {
        throw new ConfigError('No API key configured', {
          hint: `Pass --api-key, set ${ENV.apiKey}, or put "apiKey" in the config file (aikynetix --help shows where).`,
        });
      }
      const logger: Logger | undefined = verbose
        ? {
            debug: (m, meta) => ctx.debug(meta ? `${m} ${JSON.stringify(meta)}` : m),
            info: (m, meta) => ctx.debug(meta ? `${m} ${JSON.stringify(meta)}` : m),
            warn: (m, meta) => ctx.debug(meta ? `${m} ${JSON.stringify(meta)}` : m),
            error: (m, meta) => ctx.debug(meta ? `${m} ${JSON.stringify(meta)}` : m),
          }
        : undefined;
      client = new Aikynetix({ apiKey: s.apiKey, auth: s.auth, baseUrl: s.baseUrl, logger });
      return client;
    },
    result(value, human) {
      if (asJson) io.stdout.write(json(value));
      else io.stdout.write(human());
    },
    info(text) {
      if (!asJson) io.stderr.write(`${text}\n`);
    },
    debug(text) {
      if (verbose) io.stderr.write(`[debug] ${text}\n`);
    },
    async dispose() {
      await client?.close();
    },
    status() {
      return statusLine(io.stderr, asJson ? 'quiet' : interactive ? 'tty' : 'plain');
    },
  };
  return ctx;
}
