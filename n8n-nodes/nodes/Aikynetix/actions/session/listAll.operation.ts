import type { IExecuteFunctions } from 'n8n-workflow';
import type { Aikynetix } from '@aikynetix/core/host';
import { defineNodeOperation } from '../../shared/operation';
import { toItems } from '../../shared/output';
import { pagingProperties, wantedCount } from '../../shared/paging';

const key = { resource: 'session', operation: 'listAll' };

/** List All Sessions: the unpaged endpoint (every session with its metrics), one item per session. */
export const listAll = defineNodeOperation('sessions.listAll', key, {
	name: 'Get Many With Metrics',
	action: 'Get many sessions with their metrics',
	extra: pagingProperties(key),
	async execute(this: IExecuteFunctions, client: Aikynetix, itemIndex: number) {
		const max = wantedCount(this, itemIndex);
		const result = await client.sessions.listAll({}, { signal: this.getExecutionCancelSignal() });
		return toItems(result.sessions.slice(0, max), itemIndex);
	},
});
