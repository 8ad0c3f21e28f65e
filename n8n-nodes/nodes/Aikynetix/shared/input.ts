import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { fieldsOf, type AnyOperation } from '@aikynetix/core/host';
import { paramName, type LayoutOptions } from './properties';

/** Empty parameters mean "not given": the API applies its own default. */
function given(value: unknown): unknown {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (Array.isArray(value)) return value.length === 0 ? undefined : value;
	return value;
}

/**
 * Reads an operation's input from the node parameters of one item, keyed by the API's field
 * names. Values are passed on as typed by the user: the core validates them before any request.
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
		const value = given(raw);
		if (value !== undefined) input[field.key] = value;
	}
	return input;
}
