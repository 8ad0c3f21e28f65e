import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { fieldsOf, type AnyOperation } from '@aikynetix/core/host';
import { paramName, type LayoutOptions } from './properties';

/**
 * Reads an operation's input from the node parameters of one item, keyed by the API's field
 * names. Values are passed on as typed by the user: the core validates them before any request,
 * and decides that an empty optional field means "not given".
 */
export function readInput(
	ctx: IExecuteFunctions,
	op: AnyOperation,
	itemIndex: number,
	layout: LayoutOptions = {},
): Record<string, unknown> {
	const omit = new Set(layout.omit ?? []);
	const fields = fieldsOf(op).filter((f) => !omit.has(f.key) && f.type !== 'file');
	const collection = layout.collection?.name ?? 'options';
	const optional = fields.some((f) => !f.required)
		? (ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject)
		: {};
	const input: Record<string, unknown> = {};
	for (const field of fields) {
		const name = paramName(field.key);
		const raw = field.required
			? ctx.getNodeParameter(name, itemIndex, undefined, { extractValue: true })
			: optional[name];
		if (raw !== undefined) input[field.key] = raw;
	}
	return input;
}
