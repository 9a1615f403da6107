export * from './config-error';
export * from './environment-config';
export * from './environments';
export * from './regions';
export * from './validate-config';
export { normalizeRrule } from './schedule-values';
