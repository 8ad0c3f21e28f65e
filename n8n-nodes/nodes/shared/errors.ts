import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';
import {
	AikynetixError,
	ConfigError,
	SessionFailedError,
	ValidationError,
	WaitTimeoutError,
	scrub,
} from '@aikynetix/core/host';

/** Maps the API's field names (snake_case) to the labels the user sees in the node. */
export type FieldLabels = Record<string, string>;

function describeIssues(error: ValidationError, labels: FieldLabels): string {
	return error.issues
		.map((issue) => {
			const [head, ...rest] = issue.field.split('.');
			const label = labels[head] ?? head;
			return `${[label, ...rest].join('.')}: ${issue.rule}`;
		})
		.join('; ');
}

/**
 * Turns anything thrown while running an item into the n8n error a user can act on:
 * bad input and failed processing become NodeOperationError (with the item index), API and network
 * failures NodeApiError with the API's message and the core's hint (or `hint`, when the adapter
 * found out more). Secrets are scrubbed from text.
 */
export function toNodeError(
	node: INode,
	error: unknown,
	itemIndex: number,
	options: { labels?: FieldLabels; secrets?: string[]; hint?: string } = {},
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	const clean = (text: string | undefined) => (text === undefined ? undefined : scrub(text, options.secrets ?? []));
	if (error instanceof ValidationError) {
		return new NodeOperationError(node, clean(`Invalid input: ${describeIssues(error, options.labels ?? {})}`) ?? '', {
			itemIndex,
			description: error.hint,
		});
	}
	if (error instanceof ConfigError) {
		return new NodeOperationError(node, clean(`AIKYNETIX credentials: ${error.message}`) ?? '', {
			itemIndex,
			description: error.hint,
		});
	}
	if (error instanceof SessionFailedError || error instanceof WaitTimeoutError) {
		return new NodeOperationError(node, clean(error.message) ?? '', { itemIndex, description: error.hint });
	}
	if (error instanceof AikynetixError) {
		const body = JSON.parse(clean(JSON.stringify(error.toJSON())) ?? '{}') as JsonObject;
		return new NodeApiError(node, body, {
			message: clean(error.message),
			description: options.hint ?? error.hint,
			httpCode: error.status === undefined ? undefined : String(error.status),
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, clean(message) ?? '', { itemIndex });
}
