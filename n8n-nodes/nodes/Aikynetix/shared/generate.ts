import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { generateThenWait, type Aikynetix, type OperationId, type WaitForTextOptions } from '@aikynetix/core/host';
import { defineNodeOperation, type NodeOperation } from './operation';
import { readInput } from './input';
import type { OperationKey } from './properties';
import { waitOptionsOf, waitProperties } from './wait';

type TextWait = (client: Aikynetix, sessionId: string, options: WaitForTextOptions) => Promise<unknown>;

/**
 * A GenAI "generate" operation with a Wait for Text switch: without it the node returns the
 * API's acknowledgement; with it, the finished text (the report the text is read from).
 */
export function defineGenerateOperation(
	id: OperationId,
	key: OperationKey,
	texts: { name?: string; waitDescription: string },
	waitForText: TextWait,
): NodeOperation {
	const operation: NodeOperation = defineNodeOperation(id, key, {
		name: texts.name,
		extra: waitProperties(key, {
			name: 'waitForText',
			displayName: 'Wait for Text',
			description: texts.waitDescription,
			defaultMinutes: 5,
		}),
		async execute(this: IExecuteFunctions, client: Aikynetix, itemIndex: number): Promise<INodeExecutionData[]> {
			const input = readInput(this, operation.op, itemIndex);
			const signal = this.getExecutionCancelSignal();
			const start = async () => (await client.call(operation.op.id, input, { signal })) as Record<string, unknown>;
			const sessionId = String(input.session_id);
			if (!(this.getNodeParameter('waitForText', itemIndex, false) as boolean)) {
				return [{ json: { session_id: sessionId, ...(await start()) }, pairedItem: { item: itemIndex } }];
			}
			// When the start's answer is lost, the wait finds out whether it took (never a second start).
			const done = await generateThenWait(start, () => waitForText(client, sessionId, waitOptionsOf(this, itemIndex)));
			const ready = done.text as Record<string, unknown>;
			return [{ json: { session_id: sessionId, ...done.started, ...ready }, pairedItem: { item: itemIndex } }];
		},
	});
	return operation;
}
