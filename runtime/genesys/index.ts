export * from './api-responses';
export * from './genesys-client';
export * from './genesys-error';
export * from './retry-policy';
export * from './settings';
export * from './time-budget';
export * from './terminal-text';
