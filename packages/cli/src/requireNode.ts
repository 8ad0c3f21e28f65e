/**
 * Imported first by the bin (before the core and undici load): on a Node.js too old for the CLI,
 * print one clear line and exit 1 instead of a stack trace.
 */
import { nodeVersionProblem } from '@aikynetix/core/node-version';

const problem = nodeVersionProblem(process.versions.node, 'The aikynetix CLI');
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
