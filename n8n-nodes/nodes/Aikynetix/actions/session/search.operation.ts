import type { IExecuteFunctions } from 'n8n-workflow';
import type { Aikynetix } from '@aikynetix/core/host';
import { defineNodeOperation } from '../../shared/operation';
import { readInput } from '../../shared/input';
import { toItems } from '../../shared/output';
import { pageSizeFor, pagingProperties, wantedCount } from '../../shared/paging';

const key = { resource: 'session', operation: 'search' };
// The node pages by itself: the API's cursor and page-size fields are not user parameters.
const layout = {
	omit: ['start_after_id', 'end_before_id', 'limit'],
	collection: { name: 'filters', displayName: 'Filters', placeholder: 'Add filter' },
};

/** Get Many (the registry's Find Sessions): filtered, paged listing; one output item per session. */
export const search = defineNodeOperation('sessions.filter', key, {
	name: 'Get Many',
	action: 'Get many sessions',
	layout,
	extra: pagingProperties(key),
	async execute(this: IExecuteFunctions, client: Aikynetix, itemIndex: number) {
		// The core checks the filters before its first request, also when it applies them itself.
		const filters = readInput(this, search.op, itemIndex, layout);
		const max = wantedCount(this, itemIndex);
		const sessions = [];
		const iterate = client.sessions.iterate(
			{ ...filters, max, pageSize: pageSizeFor(max) },
			{ signal: this.getExecutionCancelSignal() },
		);
		for await (const session of iterate) sessions.push(session);
		return toItems(sessions, itemIndex);
	},
});
