import { randomBytes } from 'node:crypto';
import { createRng } from './prng';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A random 20-character alphanumeric id, shaped like a Firestore document id. */
export function newSessionId(): string {
  const bytes = randomBytes(20);
  let id = '';
  for (let i = 0; i < 20; i++) id += ALPHABET[bytes[i] % ALPHABET.length];
  return id;
}

/** A deterministic GenAI thread id (`thread_` + 24 alphanumerics) for a session and purpose. */
export function threadId(seed: string): string {
  const rng = createRng(`thread:${seed}`);
  let id = 'thread_';
  for (let i = 0; i < 24; i++) id += ALPHABET[rng.int(0, ALPHABET.length - 1)];
  return id;
}
