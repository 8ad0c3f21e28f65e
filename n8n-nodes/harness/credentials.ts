/* eslint-disable @typescript-eslint/no-unused-vars -- abstract methods the engine may call, with unused parameters */
import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { AikynetixApi } from '../credentials/AikynetixApi.credentials';

/**
 * The credential store of a real n8n, reduced to one AIKYNETIX credential held in memory.
 * authenticate() runs the package's own credential class, exactly as n8n does.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly type = new AikynetixApi();

	constructor(private data: ICredentialDataDecryptedObject) {
		super();
	}

	/** Swaps the stored credential (e.g. to a wrong key). */
	set(data: ICredentialDataDecryptedObject): void {
		this.data = data;
	}

	getParentTypes(_name: string): string[] {
		return [];
	}

	isCredentialUsableByNode(_credentialType: string, _nodeType: string): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
	): Promise<IHttpRequestOptions> {
		if (typeName !== this.type.name) throw new Error(`Unknown credential type ${typeName}`);
		return await this.type.authenticate(credentials, requestOptions as IHttpRequestOptions);
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('Not used: the engine reads decrypted credentials through getDecrypted');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		if (type !== this.type.name) throw new Error(`No credential of type ${type}`);
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(_type: string): INodeProperties[] {
		return this.type.properties;
	}
}
