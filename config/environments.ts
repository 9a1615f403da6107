import { EnvironmentConfig, defineEnvironments } from './environment-config';

/**
 * The embedded default environments. Numbers are fictional (555-01xx). The compiler does not check
 * what is written here (see `ConfigInput`): `validateConfig` does before any stack is built, and lists
 * every problem with its code, path and fix.
 */
export const ENVIRONMENTS: readonly EnvironmentConfig[] = defineEnvironments([
  {
    name: 'dev',
    region: 'us-east-1',
    division: { name: 'Home' },
    namePrefix: 'DEV ',
    manageQueues: true,
    pinAuth: { maxAttempts: 3, accountLookup: { integrationName: 'DEV Account Data Actions', url: 'https://accounts.dev.example.com/ivr/lookup' } },
    operatorQueueName: 'DEV Operator',
    ivrs: {
      sales: { dnis: ['+13175550100'], queueName: 'DEV Sales', didPool: { start: '+13175550100', end: '+13175550109' } },
      support: { dnis: ['+13175550110'], queueName: 'DEV Support', didPool: { start: '+13175550110', end: '+13175550119' } },
    },
    backend: { type: 'local', path: 'terraform.contact-center-dev.tfstate' },
  },
  {
    name: 'test',
    region: 'us-east-1',
    division: { name: 'Home' },
    namePrefix: 'TEST ',
    manageQueues: true,
    pinAuth: { maxAttempts: 3, accountLookup: { integrationName: 'TEST Account Data Actions', url: 'https://accounts.test.example.com/ivr/lookup' } },
    operatorQueueName: 'TEST Operator',
    ivrs: {
      sales: { dnis: ['+13175550200'], queueName: 'TEST Sales', didPool: { start: '+13175550200', end: '+13175550209' } },
      support: { dnis: ['+13175550210'], queueName: 'TEST Support', didPool: { start: '+13175550210', end: '+13175550219' } },
    },
    businessHours: {
      timeZone: 'America/Indiana/Indianapolis',
      start: '2026-01-05T08:00:00.000000',
      end: '2026-01-05T18:00:00.000000',
      rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR',
      closedMessage: 'Our offices are closed. Please call again between 8 AM and 6 PM, Monday to Friday.',
    },
    inQueue: { waitingMessage: 'Thank you for waiting. All our agents are busy; your call will be answered in turn.' },
    backend: { type: 'local', path: 'terraform.contact-center-test.tfstate' },
  },
  {
    name: 'prod',
    region: 'eu-west-1',
    division: { name: 'Home' },
    namePrefix: '',
    manageQueues: false,
    pinAuth: { maxAttempts: 3, accountLookup: { integrationName: 'Account Data Actions', url: 'https://accounts.example.com/ivr/lookup' } },
    operatorQueueName: 'Operator',
    ivrs: {
      sales: { dnis: ['+353155500100', '+353155500101'], queueName: 'Sales' },
      support: { dnis: ['+353155500110'], queueName: 'Support' },
    },
    businessHours: {
      timeZone: 'Europe/Dublin',
      start: '2026-01-05T08:00:00.000000',
      end: '2026-01-05T20:00:00.000000',
      rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR,SA',
      closedMessage: 'Our offices are closed. Please call again between 8 AM and 8 PM, Monday to Saturday.',
    },
    inQueue: { waitingMessage: 'Thank you for waiting. All our agents are busy; your call will be answered in turn.' },
    backend: { type: 'local', path: 'terraform.contact-center-prod.tfstate' },
  },
]);
