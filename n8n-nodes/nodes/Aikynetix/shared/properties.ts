import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { fieldsOf, needsProcessedSession, type AnyOperation, type FieldMeta } from '@aikynetix/core/host';
import { sessionLocator } from './sessionLocator';

/** Where an operation's parameters show: its resource and operation values. */
export interface OperationKey {
	resource: string;
	operation: string;
}

/** How the generic builder lays out an operation's fields. */
export interface LayoutOptions {
	/** Fields the operation file handles itself (e.g. paging cursors, the video). */
	omit?: readonly string[];
	/** Name and label of the collection holding optional fields. */
	collection?: { name: string; displayName: string; placeholder: string };
}

const DEFAULT_COLLECTION = { name: 'options', displayName: 'Options', placeholder: 'Add option' };

/** n8n parameter name for an API field: `session_id` -> `sessionId`. */
export function paramName(key: string): string {
	return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** displayOptions showing a property for one operation only. */
export function showFor(key: OperationKey): INodeProperties['displayOptions'] {
	return { show: { resource: [key.resource], operation: [key.operation] } };
}

function choices(field: FieldMeta): INodePropertyOptions[] {
	return (field.options ?? []).map((o) => ({ name: o.label, value: o.value }));
}

/** One registry field as an n8n property (no displayOptions). */
export function toProperty(field: FieldMeta, op?: AnyOperation): INodeProperties {
	if (field.key === 'session_id') {
		return sessionLocator(field.description, op && needsProcessedSession(op) ? 'searchProcessedSessions' : 'searchSessions');
	}
	const base = { displayName: field.label, name: paramName(field.key), description: field.description };
	switch (field.type) {
		case 'number':
			return { ...base, type: 'number', default: (field.default as number | undefined) ?? 0 };
		case 'integer':
			return { ...base, type: 'number', typeOptions: { numberPrecision: 0 }, default: (field.default as number | undefined) ?? 0 };
		case 'boolean':
			return { ...base, type: 'boolean', default: (field.default as boolean | undefined) ?? false };
		case 'enum': {
			const options = choices(field);
			return { ...base, type: 'options', options, default: (field.default as string | undefined) ?? options[0]?.value ?? '' };
		}
		case 'enumList':
			return { ...base, type: 'multiOptions', options: choices(field), default: [] };
		case 'date':
			return { ...base, type: 'dateTime', default: '' };
		case 'stringList':
			return {
				...base,
				type: 'string',
				default: '',
				placeholder: 'e.g. f3K9x2LmQp7RtVw8YzA1, a8Hq2ZrT5mNc0PvXy3Lk',
				description: `${field.description} Separate several with commas.`,
			};
		default:
			return { ...base, type: 'string', default: '' };
	}
}

/**
 * The parameters of one operation, derived from its registry declaration: required fields at the
 * top, optional ones in a collection (so a new node stays short).
 */
export function describeOperation(op: AnyOperation, key: OperationKey, layout: LayoutOptions = {}): INodeProperties[] {
	const omit = new Set(layout.omit ?? []);
	const fields = fieldsOf(op).filter((f) => !omit.has(f.key) && f.type !== 'file');
	const required = fields.filter((f) => f.required).map((f) => ({ ...toProperty(f, op), required: true, displayOptions: showFor(key) }));
	const optional = fields.filter((f) => !f.required).map((f) => toProperty(f, op));
	if (optional.length === 0) return required;
	const collection = layout.collection ?? DEFAULT_COLLECTION;
	return [
		...required,
		{
			displayName: collection.displayName,
			name: collection.name,
			type: 'collection',
			placeholder: collection.placeholder,
			default: {},
			displayOptions: showFor(key),
			options: optional.sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

/** Labels by API field name, so error messages name the fields as the user sees them. */
export function labelsOf(op: AnyOperation): Record<string, string> {
	return Object.fromEntries(fieldsOf(op).map((f) => [f.key, f.key === 'session_id' ? 'Session' : f.label]));
}
