export * from './base';
export * from './input';
export * from './api';
export * from './network';
export * from './session';
export * from './outcome';
