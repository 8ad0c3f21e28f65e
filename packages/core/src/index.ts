/** Standalone entry point: the Node entry plus the default undici transport. */
import { setDefaultTransportFactory } from './client';
import { createUndiciTransport } from './transport/undici';

setDefaultTransportFactory(() => createUndiciTransport());

export * from './node';
export { createUndiciTransport, type UndiciTransportOptions } from './transport/undici';
