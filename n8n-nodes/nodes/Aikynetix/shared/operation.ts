import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { getOperation, type Aikynetix, type AnyOperation } from '@aikynetix/core/host';
import { describeOperation, labelsOf, type LayoutOptions, type OperationKey } from './properties';
import { readInput } from './input';
import { toItems } from './output';

/** Runs one item of an operation with the node's client; returns its output items. */
export type OperationExecute = (
	this: IExecuteFunctions,
	client: Aikynetix,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

/** Everything the router and the node description need from one operation file. */
export interface NodeOperation {
	/** The registry declaration it is derived from. */
	op: AnyOperation;
	key: OperationKey;
	/** Entry of the Operation dropdown. */
	option: INodePropertyOptions;
	/** Its parameters (with displayOptions). */
	description: INodeProperties[];
	/** Field labels for error messages. */
	labels: Record<string, string>;
	execute: OperationExecute;
}

/** Reports name their session, so later steps can use {{ $json.session_id }}. */
export function withSessionId(result: unknown, sessionId: unknown): unknown {
	if (typeof sessionId !== 'string' || !result || typeof result !== 'object' || Array.isArray(result)) return result;
	return 'session_id' in result ? result : { session_id: sessionId, ...result };
}

/** The dropdown entry of an operation, from its registry title and description. */
function optionFor(op: AnyOperation, key: OperationKey, name?: string): INodePropertyOptions {
	const label = name ?? op.title;
	const action = label.charAt(0) + label.slice(1).toLowerCase();
	return { name: label, value: key.operation, description: op.description, action };
}

/** Declares an n8n operation from a registry id; `extra` adds parameters, `execute` overrides the default call. */
export function defineNodeOperation(
	id: string,
	key: OperationKey,
	options: {
		name?: string;
		layout?: LayoutOptions;
		extra?: INodeProperties[];
		execute?: OperationExecute;
	} = {},
): NodeOperation {
	const op = getOperation(id);
	const layout = options.layout ?? {};
	const execute: OperationExecute =
		options.execute ??
		async function (this: IExecuteFunctions, client: Aikynetix, itemIndex: number) {
			const input = readInput(this, op, itemIndex, layout);
			const result = await client.call(op.id, input, { signal: this.getExecutionCancelSignal() });
			return toItems(withSessionId(result, input.session_id), itemIndex);
		};
	return {
		op,
		key,
		option: optionFor(op, key, options.name),
		description: [...describeOperation(op, key, layout), ...(options.extra ?? [])],
		labels: labelsOf(op),
		execute,
	};
}
