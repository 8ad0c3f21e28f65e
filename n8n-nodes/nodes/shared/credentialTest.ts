import {
	sleep,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type INodeCredentialTestResult,
} from 'n8n-workflow';
import {
	Aikynetix,
	AikynetixError,
	AuthenticationError,
	PermissionDeniedError,
	isAuthStyle,
	type Transport,
} from '@aikynetix/core/host';

/** Credential tests get only n8n's legacy request helper; this adapts it to the core's transport. */
function testTransport(ctx: ICredentialTestFunctions): Transport {
	return {
		async send(request) {
			// ICredentialTestFunctions offers only the legacy request helper.
			const response = (await ctx.helpers.request({
				method: request.method,
				uri: request.url,
				headers: request.headers,
				resolveWithFullResponse: true,
				simple: false,
				timeout: request.timeoutMs,
			})) as { statusCode: number; headers: Record<string, string>; body: unknown };
			const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
			return { status: response.statusCode, headers: response.headers ?? {}, body };
		},
	};
}

/**
 * Checks the key with one cheap listing call. 401/403 mean the key (or its rights) is wrong;
 * the API's 404 for an account without sessions is a working key, and so passes.
 */
export async function aikynetixApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const apiKey = typeof data.apiKey === 'string' ? data.apiKey.trim() : '';
	if (apiKey === '') return { status: 'Error', message: 'Enter the API key from your AIKYNETIX account' };
	try {
		const client = new Aikynetix({
			apiKey,
			auth: isAuthStyle(data.authStyle) ? data.authStyle : undefined,
			baseUrl: typeof data.baseUrl === 'string' ? data.baseUrl : undefined,
			transport: testTransport(this),
			sleep,
			maxRetries: 0,
			timeoutMs: 20_000,
		});
		const page = await client.sessions.filter({ limit: 1 });
		return {
			status: 'OK',
			message: page.sessions.length > 0 ? 'Connection successful' : 'Connection successful (the account has no sessions yet)',
		};
	} catch (error) {
		if (error instanceof AuthenticationError) {
			return { status: 'Error', message: `AIKYNETIX rejected the API key (HTTP 401). ${error.hint ?? ''}`.trim() };
		}
		if (error instanceof PermissionDeniedError) {
			return { status: 'Error', message: `AIKYNETIX refused this API key (HTTP 403). ${error.hint ?? ''}`.trim() };
		}
		if (error instanceof AikynetixError) {
			return { status: 'Error', message: `${error.message}${error.hint ? ` ${error.hint}` : ''}` };
		}
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}
}
