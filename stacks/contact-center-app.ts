import { App } from 'cdktf';
import { EnvironmentConfig, validateConfig } from '../config';
import { ContactCenterStack } from './contact-center-stack';

/** Adds one stack per environment to `app`, after checking the whole configuration. */
export function addEnvironments(app: App, environments: readonly EnvironmentConfig[]): ContactCenterStack[] {
  validateConfig(environments);
  return environments.map((config) => new ContactCenterStack(app, { config }));
}
