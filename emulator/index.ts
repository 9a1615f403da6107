export * from './archy-check';
export * from './faults';
export * from './org-state';
export * from './rate-limiter';
export * from './server';
