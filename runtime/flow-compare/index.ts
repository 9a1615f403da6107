export * from './compare-flows';
export * from './normalize-flow';
