import zapier from 'zapier-platform-core';
import App from '../../src';

/** zapier-platform-core's own test harness around the real app definition. */
export const appTester = zapier.createAppTester(App);
export { App };

/** What Zapier's error classes turn into by the time they leave createAppTester. */
export interface ZapierFailure {
  name: string;
  message: string;
}

/** Run a step expecting it to fail; returns the error (fails the test if it succeeded). */
export async function failureOf(p: Promise<unknown>): Promise<ZapierFailure> {
  try {
    await p;
  } catch (err) {
    return err as ZapierFailure;
  }
  throw new Error('expected the step to fail, but it succeeded');
}

/**
 * The app's own message: zapier-platform-core appends a "What happened:" trace to HaltedError
 * and friends (the Zapier UI shows the first part); the 250-character limit applies to ours.
 */
export function ownMessage(err: ZapierFailure): string {
  const text = payloadOf(err).message;
  return text.split('\nWhat happened:')[0];
}

/** The `{message, code, status}` (or `{message, delay}`) JSON that z.errors.Error / ThrottledError carry. */
export function payloadOf(err: ZapierFailure): { message: string; code?: string; status?: number; delay?: number } {
  try {
    return JSON.parse(err.message);
  } catch {
    return { message: err.message };
  }
}

type Kind = 'triggers' | 'searches' | 'creates';

/** Run a trigger/search/create's perform through createAppTester, as Zapier would. */
export function run(kind: Kind, key: string, bundle: Record<string, unknown>): Promise<any> {
  const defs = (App as unknown as Record<Kind, Record<string, { operation: { perform: unknown } }>>)[kind];
  const def = defs[key];
  if (!def) throw new Error(`no ${kind}.${key} in the app`);
  return appTester(def.operation.perform as never, bundle as never);
}
