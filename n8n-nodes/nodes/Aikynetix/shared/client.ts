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
	const client = new Aikynetix({
		baseUrl: credentials.baseUrl,
		transport: n8nTransport(ctx),
		headers: { 'x-aikynetix-client': 'n8n-nodes-aikynetix' },
	});
	const secrets = typeof credentials.apiKey === 'string' && credentials.apiKey !== '' ? [credentials.apiKey] : [];
	return { client, secrets };
}
