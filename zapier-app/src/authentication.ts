import type { Bundle, ZObject } from 'zapier-platform-core';
import { callOperation } from './call';
import { connectionOf } from './settings';

/**
 * The connection test: one tiny listing call. A wrong or revoked key answers 401/403 (an error
 * here); an account without sessions answers the API's 404 "nothing found", which the core
 * turns into an empty list, so a brand-new account connects fine.
 */
async function test(z: ZObject, bundle: Bundle) {
  const page = await callOperation(z, bundle, 'sessions.filter', { extra: { limit: 1 }, useInput: false });
  const sessions = Array.isArray(page.sessions) ? (page.sessions as Array<Record<string, unknown>>) : [];
  const latest = sessions[0];
  const host = new URL(connectionOf(bundle).baseUrl).host;
  return {
    host,
    sessions_found: typeof page.query_count === 'number' ? page.query_count : sessions.length,
    uploader: typeof latest?.uploaded_name === 'string' ? latest.uploaded_name : null,
  };
}

/** `Coach Daniel Ortiz @ api.aikynetix.app` (the key is never part of the label). */
function connectionLabel(_z: ZObject, bundle: Bundle): string {
  const data = (bundle.inputData ?? {}) as Record<string, unknown>;
  const host = typeof data.host === 'string' ? data.host : 'AIKYNETIX';
  return typeof data.uploader === 'string' && data.uploader ? `${data.uploader} @ ${host}` : `AIKYNETIX @ ${host}`;
}

/** The vendor's API reference, which explains the key and how it is sent. */
export const API_DOCS_URL = 'https://docs.aikynetix.app/api-documentation/developer-resources-and-api-reference/api-reference/running.md';

/**
 * Custom auth with the simplest form Zapier allows: the key, plus one optional field nobody needs
 * in the common case (the key's header style follows from the key; the address defaults to the
 * production API). Zapier's auth fields have no "advanced" section, so the rare settings share
 * one field that is labelled to be left empty.
 */
export const authentication = {
  type: 'custom' as const,
  fields: [
    {
      key: 'apiKey',
      label: 'API Key',
      type: 'password' as const,
      required: true,
      helpText:
        'Your AIKYNETIX API key: an admin key lets you upload videos for your athletes. Copy it from your AIKYNETIX dashboard ' +
        `(Settings › API); the [AIKYNETIX API reference](${API_DOCS_URL}) explains keys and tokens. A Firebase token works too.`,
    },
    {
      key: 'advanced',
      label: 'Advanced Settings (leave empty)',
      type: 'string' as const,
      required: false,
      helpText:
        'Leave empty unless AIKYNETIX support asks. It takes a key style (`api-key-header` or `bearer`) and/or another API address ' +
        '(https only; http only for a local AIKYNETIX simulator), separated by a space.',
    },
  ],
  test,
  connectionLabel,
};
