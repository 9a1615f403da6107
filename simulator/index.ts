export * from './data-answers';
export * from './dtmf';
export * from './evaluate';
export * from './jest-matchers';
export * from './simulate-call';
export * from './simulation-types';
export * from './script-check';
