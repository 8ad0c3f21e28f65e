import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { MAX_PAGE_SIZE } from '@aikynetix/core/host';
import { showFor, type OperationKey } from './properties';

/** The usual n8n "Return All" / "Limit" pair for a list operation. */
export function pagingProperties(key: OperationKey): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(key),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { ...showFor(key)?.show, returnAll: [false] } },
		},
	];
}

/** How many results the user asked for: Infinity for Return All. */
export function wantedCount(ctx: IExecuteFunctions, itemIndex: number): number {
	if (ctx.getNodeParameter('returnAll', itemIndex, false) as boolean) return Infinity;
	return Math.max(1, Math.floor(ctx.getNodeParameter('limit', itemIndex, 50) as number));
}

/** Page size for a wanted count: whole pages when everything is wanted. */
export function pageSizeFor(wanted: number): number {
	return Math.min(MAX_PAGE_SIZE, Number.isFinite(wanted) ? wanted : MAX_PAGE_SIZE);
}
