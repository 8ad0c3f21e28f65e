import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { getOperation, type Aikynetix, type AnyOperation, type OperationId } from '@aikynetix/core/host';
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

/** How an operation reads in the node: its dropdown name and action, and its parameters' layout. */
export interface NodeWording {
	/** Dropdown name; default: the registry title without the resource's own nouns. */
	name?: string;
	/** Sentence-case action (the node panel's list); default: the registry title in sentence case. */
	action?: string;
	layout?: LayoutOptions;
}

/**
 * n8n's wording for an operation name: the verb phrase without the resource's nouns, as n8n's
 * own nodes say "Get", "Update", "Delete" under a resource ("Get Running Session" under Running → "Get").
 */
export function shortName(title: string, resource: string): string {
	const nouns = new Set(['session', 'sessions', ...resource.split(/(?=[A-Z])/).map((w) => w.toLowerCase())]);
	const words = title.split(' ').filter((w) => !nouns.has(w.toLowerCase()));
	return words.length > 0 ? words.join(' ') : title;
}

/** Sentence case that keeps acronyms ("Get Sessions by IDs" → "Get sessions by IDs"). */
export function sentenceCase(title: string): string {
	return title
		.split(' ')
		.map((w, i) => (i === 0 || /^[A-Z]{2,}s?$/.test(w) ? w : w.toLowerCase()))
		.join(' ');
}

/** The dropdown entry of an operation, from its registry title and description. */
function optionFor(op: AnyOperation, key: OperationKey, wording: NodeWording): INodePropertyOptions {
	return {
		name: wording.name ?? shortName(op.title, key.resource),
		value: key.operation,
		description: op.description,
		action: wording.action ?? sentenceCase(op.title),
	};
}

/** Declares an n8n operation from a registry id; `extra` adds parameters, `execute` overrides the default call. */
export function defineNodeOperation(
	id: OperationId,
	key: OperationKey,
	options: NodeWording & {
		extra?: INodeProperties[];
		execute?: OperationExecute;
	} = {},
): NodeOperation {
	const op: AnyOperation = getOperation(id);
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
		option: optionFor(op, key, options),
		description: [...describeOperation(op, key, layout), ...(options.extra ?? [])],
		labels: labelsOf(op),
		execute,
	};
}
