import { deleteSession } from './delete.operation';
import { getByIds } from './getByIds.operation';
import { listAll } from './listAll.operation';
import { search } from './search.operation';
import { update } from './update.operation';

/** Operations of the Session resource. */
export const sessionOperations = [deleteSession, getByIds, listAll, search, update];
