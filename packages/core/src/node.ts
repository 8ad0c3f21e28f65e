/**
 * Node entry point: the host entry plus what only Node has — its timers, file paths and streams —
 * for Node hosts that bring their own HTTP client (Zapier). The standalone entry adds undici.
 */
import { nodeSleep } from './timing/nodeSleep';
import { setDefaultSleep } from './timing/sleep';
import { nodeFileReader } from './upload/fileSource';
import { setFileReader } from './upload/videoSource';

setDefaultSleep(nodeSleep);
setFileReader(nodeFileReader);

export * from './host';
export { nodeSleep } from './timing/nodeSleep';
export { nodeFileReader } from './upload/fileSource';
export { toNodeBody } from './transport/nodeBody';
