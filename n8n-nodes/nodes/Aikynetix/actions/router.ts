import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { createClient } from '../../shared/client';
import { toNodeError } from '../../shared/errors';
import { notFoundHint } from '../shared/notFound';
import { findOperation } from './resources';

/**
 * Runs the chosen operation for every input item. A failing item stops the node with an error
 * naming the item, or, with "Continue On Fail", becomes an error item paired with its input.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const { client, secrets } = await createClient(this);
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const resource = this.getNodeParameter('resource', itemIndex) as string;
		const operation = this.getNodeParameter('operation', itemIndex) as string;
		const handler = findOperation(resource, operation);
		try {
			if (!handler) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`, { itemIndex });
			}
			output.push(...(await handler.execute.call(this, client, itemIndex)));
		} catch (error) {
			const hint = notFoundHint(error);
			const nodeError = toNodeError(this.getNode(), error, itemIndex, { labels: handler?.labels, secrets, hint });
			if (!this.continueOnFail()) throw nodeError;
			// A failed or timed-out wait still created the session: keep its ID for the next steps.
			const sessionId = (error as { sessionId?: unknown }).sessionId;
			output.push({
				json: {
					error: nodeError.message,
					description: nodeError.description ?? null,
					...(typeof sessionId === 'string' ? { session_id: sessionId } : {}),
				},
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
