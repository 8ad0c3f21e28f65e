import { flatten, type Flat, type OutputField, humanise } from './flatten';

/**
 * The answer of a GenAI generation call (block -> thread id). The texts themselves arrive later
 * in the matching report: a zap reads them with the report search after a Delay step.
 */
export function presentThreads(sessionId: string, threads: Record<string, unknown>, extra: Flat = {}): Flat {
  const out: Flat = { id: sessionId, session_id: sessionId, ...extra, status: 'generating' };
  flatten(threads, 'threads', out);
  return out;
}

/** outputFields for thread ids of the named blocks. */
export function threadFields(blocks: readonly string[], extra: OutputField[] = []): OutputField[] {
  return [
    { key: 'id', label: 'Session ID' },
    { key: 'status', label: 'Status' },
    ...extra,
    ...blocks.map((b) => ({ key: `threads__${b}`, label: `AI Thread ID: ${humanise(b)}` })),
  ];
}

/** A realistic thread map sample. */
export function threadSample(blocks: readonly string[], extra: Flat = {}): Flat {
  return {
    id: 'V1StGXR8Z5jdHi6BmyTq',
    session_id: 'V1StGXR8Z5jdHi6BmyTq',
    ...extra,
    status: 'generating',
    ...Object.fromEntries(blocks.map((b, i) => [`threads__${b}`, `thread_${(0x5f3a9c + i * 7919).toString(16)}Kq${i}`])),
  };
}
