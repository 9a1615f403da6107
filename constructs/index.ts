export * from './call-flow';
export * from './construct-error';
export * from './e164';
export * from './flow-publication';
export * from './inbound-ivr';
export * from './queue';
export * from './safe-name';
export * from './shared-flow';
