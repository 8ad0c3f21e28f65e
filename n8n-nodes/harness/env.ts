/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- test setup, never shipped */
// n8n-core reads its settings from the environment when its services are first built, so this
// runs before any test file imports it (jest `setupFiles`): a scratch user folder per worker and
// binary data on disk, as a production n8n in filesystem mode stores it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'aikynetix-n8n-engine-'));
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
process.env.N8N_ENCRYPTION_KEY = 'aikynetix-engine-tests';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
