export * from './backend';
export * from './contact-center-app';
export * from './contact-center-stack';
export * from './flows/after-hours';
export * from './flows/pin-auth';
export * from './flows/waiting-in-queue';
