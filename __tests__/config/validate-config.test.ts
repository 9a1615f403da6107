import { CONFIG_ERROR_CODES, ConfigValidationError, ENVIRONMENTS, EnvironmentConfig, GENESYS_REGIONS, configProblems, validateConfig } from '../../config';

const dev = ENVIRONMENTS[0];
const codes = (envs: EnvironmentConfig[]) => configProblems(envs).map((p) => p.code);
const withDev = (change: Partial<EnvironmentConfig>): EnvironmentConfig => ({ ...dev, ...change });
const withSales = (change: Partial<EnvironmentConfig['ivrs']['sales']>): EnvironmentConfig => withDev({ ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, ...change } } });

describe('environment config validation', () => {
  it('accepts the embedded environments', () => {
    expect(configProblems(ENVIRONMENTS)).toEqual([]);
    expect(() => validateConfig(ENVIRONMENTS)).not.toThrow();
    expect(ENVIRONMENTS.map((e) => e.name)).toEqual(['dev', 'test', 'prod']);
  });

  it('every embedded environment is valid on its own', () => {
    for (const e of ENVIRONMENTS) expect(configProblems([e])).toEqual([]);
  });

  describe('GC3001 region', () => {
    it('rejects an unknown region with path, value and fix', () => {
      const [p, ...rest] = configProblems([withDev({ region: 'us-east-9' as never })]);
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ code: 'GC3001', path: 'environments[dev].region', value: 'us-east-9', fix: expect.any(String) });
    });

    it.each(['', 'US-EAST-1', 'mypurecloud.com', 'eu-west-1 '])('rejects %j', (region) => {
      expect(codes([withDev({ region: region as never })])).toEqual(['GC3001']);
    });

    it.each(Object.keys(GENESYS_REGIONS))('accepts %s', (region) => {
      expect(codes([withDev({ region: region as never })])).toEqual([]);
    });
  });

  describe('GC3002 phone numbers', () => {
    it('rejects a DNIS that is not E.164', () => {
      const [p] = configProblems([withSales({ dnis: ['3175550100'], didPool: undefined })]);
      expect(p).toMatchObject({ code: 'GC3002', path: 'environments[dev].ivrs.sales.dnis[0]', value: '3175550100' });
    });

    it('rejects an IVR without numbers', () => {
      expect(codes([withSales({ dnis: [] })])).toEqual(['GC3002']);
    });

    it('rejects DID pool bounds that are not E.164', () => {
      const problems = configProblems([withSales({ didPool: { start: '3175550100', end: '+1317555010x' } })]);
      expect(problems.map((p) => [p.code, p.path])).toEqual([
        ['GC3002', 'environments[dev].ivrs.sales.didPool.start'],
        ['GC3002', 'environments[dev].ivrs.sales.didPool.end'],
      ]);
    });
  });

  describe('GC3003 names', () => {
    it('rejects a bad environment name', () => {
      for (const name of ['Dev', 'dev!', '1dev', '', 'd'.repeat(40)]) {
        expect(configProblems([withDev({ name })]).find((p) => p.code === 'GC3003')).toMatchObject({ path: `environments[${name}].name`, value: name });
      }
    });

    it('rejects a bad name prefix', () => {
      expect(codes([withDev({ namePrefix: ' DEV' })])).toEqual(['GC3003']);
      expect(codes([withDev({ namePrefix: 'DEV "x" ' })])).toEqual(['GC3003']);
      expect(codes([withDev({ namePrefix: '' })])).toEqual([]);
    });

    it('rejects bad queue names', () => {
      expect(codes([withDev({ operatorQueueName: 'Op "1"' })])).toEqual(['GC3003']);
      expect(codes([withSales({ queueName: ' Sales' })])).toEqual(['GC3003']);
      expect(codes([withSales({ queueName: '' })])).toEqual(['GC3003']);
    });

    it('requires the id of a division other than Home, and a valid division name', () => {
      expect(configProblems([withDev({ division: { name: 'Sales Division' } })])).toEqual([expect.objectContaining({ code: 'GC3003', path: 'environments[dev].division.id' })]);
      expect(codes([withDev({ division: { name: 'Sales Division', id: 'div-1' } })])).toEqual([]);
      expect(codes([withDev({ division: { name: '' } })])).toContain('GC3003');
    });
  });

  describe('GC3004 backend', () => {
    it('rejects an absolute local state path', () => {
      const [p] = configProblems([withDev({ backend: { type: 'local', path: '/var/state/dev.tfstate' } })]);
      expect(p).toMatchObject({ code: 'GC3004', path: 'environments[dev].backend.path', value: '/var/state/dev.tfstate' });
      expect(codes([withDev({ backend: { type: 'local', path: 'C:\\state\\dev.tfstate' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'local', path: '' } })])).toEqual(['GC3004']);
    });

    it('rejects incomplete remote backends, a missing backend and an unknown type', () => {
      expect(codes([withDev({ backend: { type: 's3', bucket: '', key: 'k', region: 'r' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'remote', organization: '', workspace: 'w' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'cloud', organization: 'o', workspace: '' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: undefined as never })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'gcs' } as never })])).toEqual(['GC3004']);
    });

    it('accepts complete s3, remote and cloud backends', () => {
      expect(codes([withDev({ backend: { type: 's3', bucket: 'b', key: 'k', region: 'eu-west-1' } })])).toEqual([]);
      expect(codes([withDev({ backend: { type: 'remote', organization: 'o', workspace: 'w' } })])).toEqual([]);
      expect(codes([withDev({ backend: { type: 'cloud', organization: 'o', workspace: 'w' } })])).toEqual([]);
    });
  });

  describe('GC3005 PIN settings', () => {
    it.each([0, 11, 2.5, NaN])('rejects maxAttempts %p', (maxAttempts) => {
      expect(configProblems([withDev({ pinAuth: { ...dev.pinAuth, maxAttempts } })])).toEqual([expect.objectContaining({ code: 'GC3005', path: 'environments[dev].pinAuth.maxAttempts' })]);
    });

    it.each(['123', '12345', '12a4', '', ' 1234'])('rejects expectedPin %j', (expectedPin) => {
      expect(configProblems([withDev({ pinAuth: { ...dev.pinAuth, expectedPin } })])).toEqual([expect.objectContaining({ code: 'GC3005', path: 'environments[dev].pinAuth.expectedPin' })]);
    });

    it('reports both PIN problems', () => {
      expect(codes([withDev({ pinAuth: { maxAttempts: 0, expectedPin: '12a4' } })])).toEqual(['GC3005', 'GC3005']);
    });
  });

  describe('GC3006 duplicates', () => {
    it('rejects an environment defined twice', () => {
      expect(codes([dev, dev])).toEqual(['GC3006']);
    });

    it('rejects a number routed to two IVRs', () => {
      const support = { ...dev.ivrs.support, dnis: dev.ivrs.sales.dnis, didPool: undefined };
      expect(configProblems([withDev({ ivrs: { ...dev.ivrs, support } })])).toEqual([
        expect.objectContaining({ code: 'GC3006', path: 'environments[dev].ivrs.support.dnis[0]', value: dev.ivrs.sales.dnis[0] }),
      ]);
    });
  });

  describe('GC3007 business hours', () => {
    const hours = ENVIRONMENTS[1].businessHours!;
    const withHours = (change: Partial<typeof hours>) => withDev({ businessHours: { ...hours, ...change } });

    it('accepts the embedded business hours', () => {
      expect(codes([withHours({})])).toEqual([]);
    });

    it.each([
      ['start not ISO-8601', { start: '2026-01-05 08:00' }, 'environments[dev].businessHours.start'],
      ['end with a zone', { end: '2026-01-05T18:00:00Z' }, 'environments[dev].businessHours.end'],
      ['start after end', { start: '2026-01-05T19:00:00', end: '2026-01-05T18:00:00' }, 'environments[dev].businessHours'],
      ['rrule without FREQ', { rrule: 'WEEKLY' }, 'environments[dev].businessHours.rrule'],
      ['time zone with spaces', { timeZone: 'Europe / Dublin' }, 'environments[dev].businessHours.timeZone'],
      ['empty closed message', { closedMessage: '  ' }, 'environments[dev].businessHours.closedMessage'],
    ] as const)('rejects %s', (_what, change, at) => {
      expect(configProblems([withHours(change)])).toEqual([expect.objectContaining({ code: 'GC3007', path: at })]);
    });
  });

  it('has a failing case above for every GC3xxx code', () => {
    expect(Object.keys(CONFIG_ERROR_CODES)).toEqual(['GC3001', 'GC3002', 'GC3003', 'GC3004', 'GC3005', 'GC3006', 'GC3007']);
  });

  it('validateConfig throws every problem of every environment at once', () => {
    const bad = withDev({ region: 'mars-1' as never, backend: { type: 'local', path: '/abs' }, ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, dnis: ['555-0100'], didPool: undefined } } });
    const alsoBad = { ...ENVIRONMENTS[1], pinAuth: { maxAttempts: 3, expectedPin: 'x' } };
    let error: unknown;
    try {
      validateConfig([bad, alsoBad]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    const problems = (error as ConfigValidationError).problems;
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'GC3001 environments[dev].region',
      'GC3002 environments[dev].ivrs.sales.dnis[0]',
      'GC3004 environments[dev].backend.path',
      'GC3005 environments[test].pinAuth.expectedPin',
    ]);
    const message = (error as Error).message;
    expect(message).toMatch(/^4 problem\(s\) in environment configuration:\n/);
    expect(message).toContain('GC3001 [environments[dev].region]');
    expect(message).toContain('(value: "mars-1")');
    expect(message).toContain('Fix: ');
  });
});
