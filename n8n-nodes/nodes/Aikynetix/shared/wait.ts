import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { showFor, type OperationKey } from './properties';

/** A "wait until ready" switch with its maximum wait, shown for one operation. */
export function waitProperties(
	key: OperationKey,
	texts: { name: string; displayName: string; description: string; defaultMinutes: number },
): INodeProperties[] {
	const defaultMinutes = texts.defaultMinutes;
	return [
		{
			displayName: texts.displayName,
			name: texts.name,
			type: 'boolean',
			default: false,
			description: texts.description,
			displayOptions: showFor(key),
		},
		{
			displayName: 'Max Wait (Minutes)',
			name: 'maxWaitMinutes',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 24 * 60 },
			default: defaultMinutes,
			description: 'How long to wait at most before the node stops with an error (nothing is lost: the result can be fetched later)',
			displayOptions: { show: { ...showFor(key)?.show, [texts.name]: [true] } },
		},
	];
}

/** Wait options for the core from the node parameters (cancelled with the execution). */
export function waitOptionsOf(ctx: IExecuteFunctions, itemIndex: number): { timeoutMs: number; signal?: AbortSignal } {
	const minutes = ctx.getNodeParameter('maxWaitMinutes', itemIndex, 30) as number;
	return { timeoutMs: Math.max(1, minutes) * 60_000, signal: ctx.getExecutionCancelSignal() };
}
