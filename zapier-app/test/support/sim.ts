import { start, type Simulator } from '@aikynetix/simulator';

/** Starts the real simulator in-process with short delays; remember to close it. */
export function startSim(options: { processingDelayMs?: number; genAiDelayMs?: number } = {}): Promise<Simulator> {
  return start({ port: 0, processingDelayMs: options.processingDelayMs ?? 200, genAiDelayMs: options.genAiDelayMs ?? 200 });
}

/** A Zapier `bundle.authData` pointing at a simulator (or any base URL), through the form's Advanced Settings field. */
export function authFor(baseUrl: string, apiKey: string, authStyle = 'authorizationApiKey') {
  return { apiKey, advanced: `${authStyle} ${baseUrl}` };
}

/** Poll `check` until it returns a value (or fail after `ms`). */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type { Simulator };
