/**
 * Imported first by the standalone entry (before undici loads): on a Node.js too old for it, stop
 * with one clear line instead of undici's stack trace. The host entry never loads this (hosts own
 * their runtime, and n8n's rules forbid `process`).
 */
import { nodeVersionProblem } from './node-version';

const problem = nodeVersionProblem(process.versions.node, '@aikynetix/core');
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
