import type { IExecuteFunctions } from 'n8n-workflow';
import type { Aikynetix } from '@aikynetix/core/host';
import { defineNodeOperation } from '../../shared/operation';
import { readInput } from '../../shared/input';
import { toItems } from '../../shared/output';

const key = { resource: 'session', operation: 'getByIds' };

/** Get Sessions by IDs: one output item per session found. */
export const getByIds = defineNodeOperation('sessions.getByIds', key, {
	async execute(this: IExecuteFunctions, client: Aikynetix, itemIndex: number) {
		const input = readInput(this, getByIds.op, itemIndex);
		const result = await client.sessions.getByIds(input as { session_ids: string[] }, { signal: this.getExecutionCancelSignal() });
		return toItems(result.sessions, itemIndex);
	},
});
