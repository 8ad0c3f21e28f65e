import { ResponseParseError } from '../errors';
import type { AnyOperation } from '../registry/types';
import type { TransportResponse } from '../transport/types';
import { scrub, truncate } from '../util/redact';
import { requestIdOf } from './classify';

/** Parse a 2xx body against the operation's output schema; ResponseParseError when it is not JSON or not the expected shape. */
export function parseSuccess(op: AnyOperation, res: TransportResponse, secrets: ReadonlyArray<string | undefined>): unknown {
  const text = res.body.trim();
  let json: unknown = {};
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      throw new ResponseParseError(`${op.title}: AIKYNETIX sent a response that is not valid JSON (HTTP ${res.status})`, {
        operationId: op.id,
        status: res.status,
        requestId: requestIdOf(res.headers),
        bodySnippet: truncate(scrub(text, secrets), 200),
        unparsable: true,
        hint: 'This is usually a temporary server or proxy problem.',
      });
    }
  }
  const parsed = op.output.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ResponseParseError(
      `${op.title}: the response did not have the expected shape (${first?.path.join('.') || 'body'}: ${first?.message})`,
      {
        operationId: op.id,
        status: res.status,
        requestId: requestIdOf(res.headers),
        bodySnippet: truncate(scrub(text, secrets), 200),
        hint: 'The API may have changed: report this to the connector maintainers.',
      },
    );
  }
  return parsed.data;
}
