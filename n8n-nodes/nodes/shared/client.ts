import { sleep } from 'n8n-workflow';
import { Aikynetix } from '@aikynetix/core/host';
import { CREDENTIAL_TYPE, n8nTransport, type RequestContext } from './transport';

/** Credential fields the nodes read (the key itself stays with n8n's authenticate step). */
interface AikynetixCredentialData {
	apiKey?: string;
	baseUrl?: string;
}

/** A client whose requests go through n8n's authenticated HTTP helper, plus the key for scrubbing messages. */
export interface NodeClient {
	client: Aikynetix;
	/** Values that must never appear in an error message or output. */
	secrets: string[];
}

/** Builds the AIKYNETIX client for one node run from its credential. */
export async function createClient(ctx: RequestContext): Promise<NodeClient> {
	const credentials = (await ctx.getCredentials(CREDENTIAL_TYPE)) as AikynetixCredentialData;
	const secrets = typeof credentials.apiKey === 'string' && credentials.apiKey !== '' ? [credentials.apiKey] : [];
	const client = new Aikynetix({
		baseUrl: credentials.baseUrl,
		transport: n8nTransport(ctx),
		// n8n's own waiting (cancellable with the execution): retry pauses, timeouts, status polling
		sleep,
		headers: { 'x-aikynetix-client': 'n8n-nodes-aikynetix' },
		// n8n's authenticate step adds the key, so tell the core which value to scrub from API messages
		redact: secrets,
	});
	return { client, secrets };
}
