/** Standalone entry point: the host entry plus the default undici transport. */
import { setDefaultTransportFactory } from './client';
import { createUndiciTransport } from './transport/undici';

setDefaultTransportFactory(() => createUndiciTransport());

export * from './host';
export { createUndiciTransport, type UndiciTransportOptions } from './transport/undici';
