import { NodeOperationError, type INode } from 'n8n-workflow';

/** Where n8n keeps a binary item, from the prefix of its id (e.g. `filesystem-v2:…`, `database:…`). */
export function binaryModeOf(binaryId: string | undefined): string {
	if (!binaryId) return 'default';
	const mode = binaryId.split(':')[0];
	return mode.startsWith('filesystem') ? 'filesystem' : mode;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function isNotFound(error: unknown): boolean {
	const code = (error as { code?: unknown } | undefined)?.code;
	return code === 'ENOENT' || /file not found|no such file|ENOENT/i.test(messageOf(error));
}

function isOverDatabaseCap(error: unknown): boolean {
	return /N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE|exceeds the max size limit/i.test(messageOf(error));
}

/**
 * Explains a failure to read the input video from n8n's binary data store, naming the setting to
 * change: a file that only exists on another instance's disk (filesystem mode, which n8n's queue
 * mode does not support) or a file above the database mode's cap. Returns undefined for any other error.
 */
export function binaryReadError(
	node: INode,
	error: unknown,
	context: { itemIndex: number; field: string; binaryId?: string },
): NodeOperationError | undefined {
	const mode = binaryModeOf(context.binaryId);
	if (isOverDatabaseCap(error)) {
		return new NodeOperationError(
			node,
			`The video in binary field "${context.field}" is larger than n8n's limit for binary data in database mode`,
			{
				itemIndex: context.itemIndex,
				description: `${messageOf(error)} Raise N8N_BINARY_DATA_DATABASE_MAX_FILE_SIZE (in MiB, at most 1024) on every n8n instance, or use S3 binary data (N8N_DEFAULT_BINARY_DATA_MODE=s3) for larger videos. No session was created.`,
			},
		);
	}
	if (mode === 'filesystem' && isNotFound(error)) {
		return new NodeOperationError(
			node,
			`The video in binary field "${context.field}" is not on this n8n instance's disk (binary data mode "filesystem")`,
			{
				itemIndex: context.itemIndex,
				description:
					'n8n stored the file on the disk of the instance that received it. In queue mode a worker runs this step and cannot see another instance\'s disk, and n8n does not support the filesystem mode there: set N8N_DEFAULT_BINARY_DATA_MODE=database (the queue-mode default) or s3 on every instance (main and workers). No session was created.',
			},
		);
	}
	return undefined;
}
