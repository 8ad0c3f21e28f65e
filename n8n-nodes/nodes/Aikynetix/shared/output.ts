import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** Output items for one input item: every item carries its pairedItem. */
export function toItems(data: unknown, itemIndex: number): INodeExecutionData[] {
	const list = Array.isArray(data) ? data : [data];
	return list.map((json) => ({
		json: (json !== null && typeof json === 'object' ? json : { value: json }) as IDataObject,
		pairedItem: { item: itemIndex },
	}));
}
