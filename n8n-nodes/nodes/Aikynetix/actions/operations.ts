import { operations, type Area, type OperationId } from '@aikynetix/core/host';
import { defineNodeOperation, type NodeOperation, type NodeWording } from '../shared/operation';
import { get as getAnalyzedVideo } from './analyzedVideo/get.operation';
import { generateFormRecommendations } from './running/generateFormRecommendations.operation';
import { generateGaitRecommendations } from './running/generateGaitRecommendations.operation';
import { generateSummary } from './running/generateSummary.operation';
import { upload } from './running/upload.operation';
import { getByIds } from './session/getByIds.operation';
import { listAll } from './session/listAll.operation';
import { search } from './session/search.operation';

/** Operations with behaviour of their own (binary data, waiting, paging): one file each. */
const WITH_BEHAVIOUR: readonly NodeOperation[] = [
	getAnalyzedVideo,
	generateFormRecommendations,
	generateGaitRecommendations,
	generateSummary,
	upload,
	getByIds,
	listAll,
	search,
];

/** The resource each registry area shows under (a new area must be placed here). */
export const AREA_RESOURCE: Record<Area, string> = {
	sessions: 'session',
	running: 'running',
	jumping: 'jumping',
	weightlifting: 'weightlifting',
};

/** Where a plain-call operation shows when it is not `<its area's resource> → <its method name>`. */
interface Placement extends NodeWording {
	resource?: string;
	/** The saved parameter value: users' workflows store it, so it never changes once published. */
	operation?: string;
}

/**
 * Every other registry operation is a plain call: validated input in, the API's answer out. It
 * shows with no file of its own; this table only places those that differ from the default.
 */
const PLACEMENTS: Partial<Record<OperationId, Placement>> = {
	'sessions.generateAnalyzedVideo': { resource: 'analyzedVideo', operation: 'generate' },
	'sessions.update': { layout: { collection: { name: 'updateFields', displayName: 'Update Fields', placeholder: 'Add field' } } },
	'running.getFormAnalysis': { operation: 'getFormReport', name: 'Get Form Report' },
	'running.getGaitAnalysis': { operation: 'getGaitReport', name: 'Get Gait Report' },
};

const withBehaviour = new Set<string>(WITH_BEHAVIOUR.map((o) => o.op.id));

/** Every operation of the node: each registry operation exactly once. */
export const nodeOperations: readonly NodeOperation[] = [
	...WITH_BEHAVIOUR,
	...operations
		.filter((op) => !withBehaviour.has(op.id))
		.map((op) => {
			const placement = PLACEMENTS[op.id as OperationId] ?? {};
			const key = { resource: placement.resource ?? AREA_RESOURCE[op.area], operation: placement.operation ?? op.name };
			return defineNodeOperation(op.id as OperationId, key, placement);
		}),
];
