export * from './compare-flows';
export * from './normalize-flow';
export * from './platform-defaults';
