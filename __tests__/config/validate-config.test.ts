import { ConfigValidationError, ENVIRONMENTS, EnvironmentConfig, configProblems, validateConfig } from '../../config';

const dev = ENVIRONMENTS[0];
const codes = (envs: EnvironmentConfig[]) => configProblems(envs).map((p) => p.code);
const withDev = (change: Partial<EnvironmentConfig>): EnvironmentConfig => ({ ...dev, ...change });

describe('environment config validation', () => {
  it('accepts the embedded environments', () => {
    expect(configProblems(ENVIRONMENTS)).toEqual([]);
  });

  it('GC3001 rejects an unknown region', () => {
    const [p] = configProblems([withDev({ region: 'us-east-9' as never })]);
    expect(p).toMatchObject({ code: 'GC3001', path: 'environments[dev].region', value: 'us-east-9' });
  });

  it('GC3002 rejects a number that is not E.164', () => {
    const [p] = configProblems([withDev({ ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, dnis: ['3175550100'], didPool: undefined } } })]);
    expect(p).toMatchObject({ code: 'GC3002', path: 'environments[dev].ivrs.sales.dnis[0]', value: '3175550100' });
  });

  it('GC3003 rejects bad names', () => {
    expect(codes([withDev({ name: 'Dev!' })])).toContain('GC3003');
    expect(codes([withDev({ namePrefix: ' DEV' })])).toEqual(['GC3003']);
    expect(codes([withDev({ operatorQueueName: 'Op "1"' })])).toEqual(['GC3003']);
    expect(codes([withDev({ division: { name: 'Sales Division' } })])).toEqual(['GC3003']);
  });

  it('GC3004 rejects an absolute local state path and incomplete remote backends', () => {
    const [p] = configProblems([withDev({ backend: { type: 'local', path: '/var/state/dev.tfstate' } })]);
    expect(p).toMatchObject({ code: 'GC3004', value: '/var/state/dev.tfstate' });
    expect(codes([withDev({ backend: { type: 's3', bucket: '', key: 'k', region: 'r' } })])).toEqual(['GC3004']);
    expect(codes([withDev({ backend: { type: 'cloud', organization: 'o', workspace: '' } })])).toEqual(['GC3004']);
    expect(codes([withDev({ backend: undefined as never })])).toEqual(['GC3004']);
  });

  it('GC3005 rejects PIN settings out of range', () => {
    expect(codes([withDev({ pinAuth: { maxAttempts: 0, expectedPin: '12a4' } })])).toEqual(['GC3005', 'GC3005']);
  });

  it('GC3006 rejects a duplicate environment and a number used by two IVRs', () => {
    expect(codes([dev, dev])).toEqual(['GC3006']);
    const shared = { ...dev.ivrs.support, dnis: dev.ivrs.sales.dnis, didPool: undefined };
    expect(codes([withDev({ ivrs: { ...dev.ivrs, support: shared } })])).toEqual(['GC3006']);
  });

  it('GC3007 rejects bad business hours', () => {
    const hours = { timeZone: 'Europe/Dublin', start: '2026-01-05 08:00', end: '2026-01-04T07:00:00', rrule: 'WEEKLY', closedMessage: ' ' };
    expect(codes([withDev({ businessHours: hours })])).toEqual(['GC3007', 'GC3007', 'GC3007', 'GC3007']);
  });

  it('validateConfig throws every problem at once', () => {
    const bad = withDev({ region: 'mars-1' as never, backend: { type: 'local', path: '/abs' } });
    expect(() => validateConfig([bad])).toThrow(ConfigValidationError);
    try {
      validateConfig([bad]);
    } catch (e) {
      expect((e as ConfigValidationError).problems.map((p) => p.code)).toEqual(['GC3001', 'GC3004']);
      expect((e as Error).message).toContain('GC3001 [environments[dev].region]');
    }
  });
});
