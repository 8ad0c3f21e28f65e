import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { AUTH_STYLES, DEFAULT_AUTH_STYLE, DEFAULT_BASE_URL, authHeaders, isAuthStyle } from '@aikynetix/core/host';

/**
 * The AIKYNETIX API key, the header style it is sent in, and the server address.
 * The credential test lives on the nodes (`testedBy`), because only code can tell a rejected key
 * (401/403) from an account that simply has no sessions yet (the API answers 404 there).
 */
export class AikynetixApi implements ICredentialType {
	name = 'aikynetixApi';

	displayName = 'AIKYNETIX API';

	icon: Icon = { light: 'file:../icons/aikynetix.svg', dark: 'file:../icons/aikynetix.dark.svg' };

	documentationUrl = 'https://github.com/aikynetix/connectors/blob/main/docs/n8n.md#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API key from your AIKYNETIX account (Settings > API). For the local simulator, use the key it prints at start.',
		},
		{
			displayName: 'Authentication Style',
			name: 'authStyle',
			type: 'options',
			options: AUTH_STYLES.map((style) => ({
				name: style.label,
				value: style.value,
				description: style.description,
			})),
			default: DEFAULT_AUTH_STYLE,
			description: 'How the key is sent. Keep the default unless AIKYNETIX support told you otherwise.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			placeholder: DEFAULT_BASE_URL,
			description: 'Address of the AIKYNETIX API. Must use https, except for a local simulator (http://127.0.0.1:PORT).',
		},
	];

	/** Adds the key to every request in the chosen header style. */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const style = isAuthStyle(credentials.authStyle) ? credentials.authStyle : DEFAULT_AUTH_STYLE;
		const headers = authHeaders(style, String(credentials.apiKey ?? ''));
		return { ...requestOptions, headers: { ...(requestOptions.headers ?? {}), ...headers } };
	}
}
