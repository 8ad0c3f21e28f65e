import { AUTH_STYLES, DEFAULT_AUTH_STYLE, DEFAULT_BASE_URL } from '@aikynetix/core/host';
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

/** Custom auth: an API key, the header style to send it in, and (advanced) the API address. */
export const authentication = {
  type: 'custom' as const,
  fields: [
    {
      key: 'apiKey',
      label: 'API Key',
      type: 'password' as const,
      required: true,
      helpText:
        'Your AIKYNETIX API key (an admin key to upload videos for athletes). Find it in the AIKYNETIX dashboard under Settings › API.',
    },
    {
      key: 'authStyle',
      label: 'Auth Header Style',
      type: 'string' as const,
      required: false,
      default: DEFAULT_AUTH_STYLE,
      choices: AUTH_STYLES.map((s) => ({ value: s.value, label: s.label, sample: s.value })),
      helpText:
        'How the key is sent. Keep the default (`Authorization: API-KEY <key>`) unless AIKYNETIX support told you otherwise; use Bearer for a Firebase token.',
    },
    {
      key: 'baseUrl',
      label: 'API Base URL (advanced)',
      type: 'string' as const,
      required: false,
      default: DEFAULT_BASE_URL,
      helpText: `Leave as ${DEFAULT_BASE_URL}. Must be https; http is only accepted for a local AIKYNETIX simulator (localhost).`,
    },
  ],
  test,
  connectionLabel,
};
