/** Standalone entry point: the Node entry plus the default undici transport. */
// First, before undici loads: an unsupported Node.js gets one clear line, not a stack trace.
import './requireNode';
import { setDefaultTransportFactory } from './client';
import { createUndiciTransport } from './transport/undici';

setDefaultTransportFactory(() => createUndiciTransport());

export * from './node';
export { MIN_NODE_VERSION, nodeVersionProblem } from './node-version';
export { createUndiciTransport, type UndiciTransportOptions } from './transport/undici';
