import {
  CONFIG_ERROR_CODES,
  ENVIRONMENTS,
  EnvironmentConfig,
  GENESYS_REGIONS,
  MAX_NAME_PREFIX_LENGTH,
  ProblemError,
  configProblems,
  describeValue,
  validateConfig,
} from '../../config';

const dev = ENVIRONMENTS[0];
const codes = (envs: EnvironmentConfig[]) => configProblems(envs).map((p) => p.code);
const withDev = (change: Partial<EnvironmentConfig>): EnvironmentConfig => ({ ...dev, ...change });
const withSales = (change: Partial<EnvironmentConfig['ivrs']['sales']>): EnvironmentConfig =>
  withDev({ ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, ...change } } });

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
    it('rejects a bad environment name (the path then names the entry by its position)', () => {
      for (const name of ['Dev', 'dev!', '1dev', '', 'd'.repeat(40), 'dev]', 42]) {
        expect(configProblems([withDev({ name: name as string })])).toEqual([
          expect.objectContaining({ code: 'GC3003', path: 'environments[0].name', value: name }),
        ]);
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
      expect(configProblems([withDev({ division: { name: 'Sales Division' } })])).toEqual([
        expect.objectContaining({ code: 'GC3003', path: 'environments[dev].division.id' }),
      ]);
      expect(codes([withDev({ division: { name: 'Sales Division', id: '0f2a5e4c-8d5b-4c1e-9a7b-3e2d1c0b9a8f' } })])).toEqual([]);
      expect(configProblems([withDev({ division: { name: 'Sales Division', id: 'div-1' } })])).toEqual([
        expect.objectContaining({ code: 'GC3003', path: 'environments[dev].division.id' }),
      ]);
      expect(codes([withDev({ division: { name: '' } })])).toContain('GC3003');
    });
  });

  describe('GC3004 backend', () => {
    it('rejects an absolute local state path', () => {
      const [p] = configProblems([withDev({ backend: { type: 'local', path: '/var/state/dev.tfstate' } })]);
      expect(p).toMatchObject({ code: 'GC3004', path: 'environments[dev].backend.path', value: '/var/state/dev.tfstate' });
      expect(codes([withDev({ backend: { type: 'local', path: 'C:\\state\\dev.tfstate' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'local', path: '' } })])).toEqual(['GC3004']);
      // synth rewrites assets/ and cdk.tf.json as a whole: state there would be lost at the next synth
      expect(codes([withDev({ backend: { type: 'local', path: 'assets/dev.tfstate' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'local', path: './Assets/x/../dev.tfstate' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'local', path: 'state/dev.tfstate' } })])).toEqual([]);
    });

    it('rejects incomplete remote backends, a missing backend and an unknown type', () => {
      expect(codes([withDev({ backend: { type: 's3', bucket: '', key: 'k', region: 'eu-west-1' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'remote', organization: '', workspace: 'w' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'cloud', organization: 'o', workspace: '' } })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: undefined as never })])).toEqual(['GC3004']);
      expect(codes([withDev({ backend: { type: 'gcs' } as never })])).toEqual(['GC3004']);
    });

    it('accepts complete s3, remote and cloud backends', () => {
      expect(
        codes([
          withDev({
            backend: {
              type: 's3',
              bucket: 'acme-tf-state',
              key: 'genesys/prod.tfstate',
              region: 'eu-west-1',
              dynamodbTable: 'tf-locks',
              encrypt: true,
            },
          }),
        ]),
      ).toEqual([]);
      expect(codes([withDev({ backend: { type: 'remote', organization: 'o', workspace: 'w' } })])).toEqual([]);
      expect(codes([withDev({ backend: { type: 'cloud', organization: 'o', workspace: 'w' } })])).toEqual([]);
    });
  });

  describe('GC3005 PIN settings', () => {
    it.each([0, 11, 2.5, NaN])('rejects maxAttempts %p', (maxAttempts) => {
      expect(configProblems([withDev({ pinAuth: { ...dev.pinAuth, maxAttempts } })])).toEqual([
        expect.objectContaining({ code: 'GC3005', path: 'environments[dev].pinAuth.maxAttempts' }),
      ]);
    });

    it('refuses a PIN written in config (the field of earlier releases), without echoing it, and says what replaced it', () => {
      const problems = configProblems([withDev({ pinAuth: { ...dev.pinAuth, expectedPin: '1234' } })]);
      expect(problems).toEqual([
        expect.objectContaining({
          code: 'GC3005',
          path: 'environments[dev].pinAuth.expectedPin',
          value: '(not shown)',
          fix: 'remove expectedPin and set pinAuth.accountLookup',
        }),
      ]);
      expect(JSON.stringify(problems)).not.toContain('1234');
    });

    it('needs an account lookup', () => {
      expect(configProblems([withDev({ pinAuth: { maxAttempts: 3 } })])).toEqual([
        expect.objectContaining({ code: 'GC3005', path: 'environments[dev].pinAuth.accountLookup', message: 'accountLookup is missing' }),
      ]);
    });

    it.each([
      ['http://accounts.example.com/lookup', 'must use https'],
      ['accounts.example.com/lookup', 'is not an absolute URL'],
      ['https://accounts.example.com/${input.ani}', 'without spaces, quotes, $, #'],
      ['https://accounts.example.com/lookup#x', 'without spaces, quotes, $, #'],
      ['https://accounts.example.com/a b', 'without spaces, quotes, $, #'],
      ['https://user:secret@accounts.example.com/lookup', 'must not contain @ (credentials before an @ belong to the integration'],
      ['https://accounts.example.com/@lookup', 'an @ in the path is written %40'],
      [42, 'must be text'],
    ])('rejects the lookup URL %p', (url, why) => {
      const accountLookup = { ...dev.pinAuth.accountLookup, url };
      expect(configProblems([withDev({ pinAuth: { ...dev.pinAuth, accountLookup } })])).toEqual([
        expect.objectContaining({ code: 'GC3005', path: 'environments[dev].pinAuth.accountLookup.url', message: expect.stringContaining(why) }),
      ]);
    });

    it('rejects an integration name that cannot be a name, and unknown lookup fields', () => {
      const accountLookup = { ...dev.pinAuth.accountLookup, integrationName: ' Data Actions', urll: 'x' };
      expect(configProblems([withDev({ pinAuth: { ...dev.pinAuth, accountLookup } })]).map((p) => [p.code, p.path])).toEqual([
        ['GC3008', 'environments[dev].pinAuth.accountLookup.urll'],
        ['GC3005', 'environments[dev].pinAuth.accountLookup.integrationName'],
      ]);
    });

    it('reports every PIN problem', () => {
      expect(codes([withDev({ pinAuth: { maxAttempts: 0, accountLookup: { integrationName: 'x', url: 'ftp://x' } } })])).toEqual([
        'GC3005',
        'GC3005',
      ]);
    });
  });

  describe('GC3005 errors never show a PIN or credential they refuse', () => {
    const PIN = '987654';
    const withPinAuth = (pinAuth: unknown): EnvironmentConfig => withDev({ pinAuth: pinAuth as never });
    const withLookup = (change: object): EnvironmentConfig =>
      withPinAuth({ ...dev.pinAuth, accountLookup: { ...dev.pinAuth.accountLookup, ...change } });

    it.each([
      ['pinAuth as text', withPinAuth(PIN), 'environments[dev].pinAuth', '(not shown)'],
      ['pinAuth as a number', withPinAuth(Number(PIN)), 'environments[dev].pinAuth', '(not shown)'],
      ['pinAuth as a list holding expectedPin', withPinAuth([{ expectedPin: PIN }]), 'environments[dev].pinAuth', '(not shown)'],
      [
        'a PIN where maxAttempts goes',
        withPinAuth({ ...dev.pinAuth, maxAttempts: Number(PIN) }),
        'environments[dev].pinAuth.maxAttempts',
        '(not shown)',
      ],
      [
        'a PIN as text where maxAttempts goes',
        withPinAuth({ ...dev.pinAuth, maxAttempts: PIN }),
        'environments[dev].pinAuth.maxAttempts',
        '(not shown)',
      ],
      [
        'accountLookup holding expectedPin',
        withPinAuth({ ...dev.pinAuth, accountLookup: [{ expectedPin: PIN }] }),
        'environments[dev].pinAuth.accountLookup',
        '(not shown)',
      ],
      [
        'a URL with user-info',
        withLookup({ url: `https://ivr-svc:${PIN}@accounts.example.com/lookup` }),
        'environments[dev].pinAuth.accountLookup.url',
        'https://***@accounts.example.com/lookup',
      ],
      [
        'an unparsable URL with user-info',
        withLookup({ url: `https://ivr-svc:${PIN}@accounts example` }),
        'environments[dev].pinAuth.accountLookup.url',
        'https://***@accounts example',
      ],
      [
        'a PIN as the integration name',
        withLookup({ integrationName: Number(PIN) }),
        'environments[dev].pinAuth.accountLookup.integrationName',
        '(not shown)',
      ],
    ])('%s: shown as %#', (_, env, path, shown) => {
      const problems = configProblems([env]);
      expect(problems).toEqual([expect.objectContaining({ code: 'GC3005', path, value: shown })]);
      expect(JSON.stringify(problems)).not.toContain(PIN);
      expect(() => validateConfig([env])).toThrow(expect.objectContaining({ message: expect.not.stringContaining(PIN) }));
    });

    const SECRET = 'S3cr3t';
    const HOST = 'accounts.example.com/lookup';
    it.each([
      ['a scheme with one slash', withLookup({ url: `https:/svc:${SECRET}@${HOST}` }), 'url', `***@${HOST}`],
      ['a password holding /', withLookup({ url: `https://svc:${SECRET}/x@${HOST}` }), 'url', `https://***@${HOST}`],
      ['a password holding ?', withLookup({ url: `https://svc:${SECRET}?@${HOST}` }), 'url', `https://***@${HOST}`],
      ['a password holding #', withLookup({ url: `https://svc:${SECRET}#x@${HOST}` }), 'url', `https://***@${HOST}`],
      ['a leading space', withLookup({ url: ` https://svc:${SECRET}@${HOST}` }), 'url', `***@${HOST}`],
      ['no scheme', withLookup({ url: `svc:${SECRET}@${HOST}` }), 'url', `***@${HOST}`],
      ['backslashes', withLookup({ url: `https:\\\\svc:${SECRET}@${HOST}` }), 'url', `***@${HOST}`],
      ['a PIN in the query', withLookup({ url: `https://${HOST}?pin=${PIN}&x=$y` }), 'url', `https://${HOST}?***`],
      ['a PIN in the path', withLookup({ url: `https://${HOST}/${PIN} ` }), 'url', `https://${HOST}/*** `],
      ['accountLookup as text', withPinAuth({ ...dev.pinAuth, accountLookup: PIN }), '', '(not shown)'],
      ['an integration name of digits only', withLookup({ integrationName: ` ${PIN}` }), 'integrationName', '(not shown)'],
      ['an integration name of digits and dashes', withLookup({ integrationName: '98-76-54 ' }), 'integrationName', '(not shown)'],
      ['an integration name holding a PIN', withLookup({ integrationName: `PIN ${PIN} ` }), 'integrationName', 'PIN *** '],
      ['an integration name holding user-info', withLookup({ integrationName: ` svc:${SECRET}@crm` }), 'integrationName', '***@crm'],
    ])('%s', (_, env, field, shown) => {
      const problems = configProblems([env]);
      const path = `environments[dev].pinAuth.accountLookup${field ? `.${field}` : ''}`;
      expect(problems).toEqual([expect.objectContaining({ code: 'GC3005', path, value: shown })]);
      expect(JSON.stringify(problems)).not.toMatch(new RegExp(`${SECRET}|${PIN}|98-76`));
      expect(() => validateConfig([env])).toThrow(expect.objectContaining({ message: expect.not.stringMatching(new RegExp(`${SECRET}|${PIN}`)) }));
    });

    it.each([
      [
        'a PIN as an unknown field of accountLookup',
        withLookup({ [PIN]: true }),
        'environments[dev].pinAuth.accountLookup["(not shown)"]',
        '(not shown)',
      ],
      [
        'user-info as an unknown field of pinAuth',
        withPinAuth({ ...dev.pinAuth, [`svc:${SECRET}@crm`]: 1 }),
        'environments[dev].pinAuth["***@crm"]',
        '***@crm',
      ],
    ])('%s: its name is not shown, in the path or the value', (_, env, path, shown) => {
      const problems = configProblems([env]);
      expect(problems).toEqual([expect.objectContaining({ code: 'GC3008', path, value: shown })]);
      expect(JSON.stringify(problems)).not.toMatch(new RegExp(`${SECRET}|${PIN}`));
    });

    it.each([0, 11, -1, 99])('still shows an attempts count typed wrong (%p)', (maxAttempts) => {
      expect(configProblems([withPinAuth({ ...dev.pinAuth, maxAttempts })])).toEqual([
        expect.objectContaining({ path: 'environments[dev].pinAuth.maxAttempts', value: maxAttempts }),
      ]);
    });

    it('still shows a wrong URL without user-info, and text elsewhere', () => {
      expect(
        configProblems([withLookup({ url: 'http://accounts.example.com/lookup', integrationName: ' Data Actions' })]).map((p) => p.value),
      ).toEqual([' Data Actions', 'http://accounts.example.com/lookup']);
    });
  });

  describe('GC3005 integration name of a function data action', () => {
    it.each(['My Function Data Actions', 'function-data-action lookups', 'FUNCTION_DATA_ACTION'])(
      'refuses %p, which synth would refuse as a category',
      (integrationName) => {
        expect(configProblems([withDev({ pinAuth: { ...dev.pinAuth, accountLookup: { ...dev.pinAuth.accountLookup, integrationName } } })])).toEqual([
          expect.objectContaining({
            code: 'GC3005',
            path: 'environments[dev].pinAuth.accountLookup.integrationName',
            value: integrationName,
            message: expect.stringContaining('function data action'),
          }),
        ]);
      },
    );

    it('accepts a Web Services Data Actions integration name', () => {
      expect(
        codes([withDev({ pinAuth: { ...dev.pinAuth, accountLookup: { ...dev.pinAuth.accountLookup, integrationName: 'Function Lookups' } } })]),
      ).toEqual([]);
    });
  });

  describe('GC3010 in-queue settings', () => {
    it('takes an optional in-queue waiting message', () => {
      expect(configProblems([withDev({ inQueue: { waitingMessage: 'Thank you for waiting.' } })])).toEqual([]);
      expect(configProblems([withDev({ inQueue: undefined })])).toEqual([]);
    });

    it.each([
      [{ waitingMessage: '' }, 'environments[dev].inQueue.waitingMessage', 'waiting message is empty'],
      [{ waitingMessage: 'Hold {{on}}' }, 'environments[dev].inQueue.waitingMessage', 'waiting message contains {{ or }}'],
      [{ waitingMessage: 'line\nbreak' }, 'environments[dev].inQueue.waitingMessage', 'waiting message'],
      [{ waitingMessage: 42 }, 'environments[dev].inQueue.waitingMessage', 'waiting message must be text'],
      ['yes', 'environments[dev].inQueue', 'inQueue must be an object'],
    ])('rejects %p', (inQueue, at, message) => {
      expect(configProblems([withDev({ inQueue: inQueue as never })])).toEqual([
        expect.objectContaining({ code: 'GC3010', path: at, message: expect.stringContaining(message) }),
      ]);
    });

    it('names an unknown in-queue field with the closest known one', () => {
      expect(configProblems([withDev({ inQueue: { waitingMesage: 'x', waitingMessage: 'Hi.' } as never })])).toEqual([
        expect.objectContaining({ code: 'GC3008', path: 'environments[dev].inQueue.waitingMesage', fix: 'did you mean waitingMessage?' }),
      ]);
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

  describe('GC3007 schedule values', () => {
    const hours = ENVIRONMENTS[1].businessHours!;
    const withHours = (change: Record<string, unknown>) => withDev({ businessHours: { ...hours, ...change } as never });

    it.each([
      'FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR',
      'FREQ=DAILY',
      'FREQ=DAILY;COUNT=10',
      'FREQ=WEEKLY;UNTIL=20261231',
      'FREQ=WEEKLY;UNTIL=20261231T235959Z;WKST=MO;BYDAY=SA,SU',
      'FREQ=MONTHLY;BYDAY=1MO,-1FR',
      'FREQ=MONTHLY;BYMONTHDAY=1,15,-1',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25',
      'FREQ=YEARLY;BYYEARDAY=1,-1;BYHOUR=8;BYMINUTE=0;BYSECOND=0',
      'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO',
      'INTERVAL=2;FREQ=WEEKLY',
      'freq=weekly;byday=mo',
      'Freq=Monthly;ByDay=-1Fr;Until=20261231t235959z',
      'FREQ=DAILY;INTERVAL=999999',
    ])('accepts the RRULE %s', (rrule) => {
      expect(configProblems([withHours({ rrule })])).toEqual([]);
    });

    it.each([
      ['an unknown frequency', 'FREQ=SOMETIMES'],
      ['a sub-daily frequency', 'FREQ=HOURLY'],
      ['no FREQ', 'INTERVAL=1'],
      ['a non-ASCII letter (ſ upper-cases to S in Unicode, not in RFC 5545)', 'FREQ=WEEKLY;BYDAY=\u017fA'],
      ['INTERVAL=1000000', 'FREQ=DAILY;INTERVAL=1000000'],
      ['an RRULE: prefix', 'RRULE:FREQ=WEEKLY'],
      ['an empty rule part', 'FREQ=WEEKLY;'],
      ['a part without value', 'FREQ=WEEKLY;BYDAY'],
      ['an empty value', 'FREQ=WEEKLY;BYDAY='],
      ['an unknown part', 'FREQ=WEEKLY;BYDAYS=MO'],
      ['a part given twice', 'FREQ=WEEKLY;BYDAY=MO;BYDAY=TU'],
      ['UNTIL and COUNT', 'FREQ=WEEKLY;COUNT=3;UNTIL=20260101'],
      ['an impossible UNTIL', 'FREQ=WEEKLY;UNTIL=20260230'],
      ['INTERVAL=0', 'FREQ=WEEKLY;INTERVAL=0'],
      ['a negative INTERVAL', 'FREQ=WEEKLY;INTERVAL=-1'],
      ['an unknown weekday', 'FREQ=WEEKLY;BYDAY=MO,XX'],
      ['an empty list item', 'FREQ=WEEKLY;BYDAY=MO,,TU'],
      ['a numbered weekday in a weekly rule', 'FREQ=WEEKLY;BYDAY=1MO'],
      ['a week number out of range', 'FREQ=MONTHLY;BYDAY=54MO'],
      ['a sign without a number', 'FREQ=MONTHLY;BYDAY=+MO'],
      ['BYMONTH=13', 'FREQ=YEARLY;BYMONTH=13'],
      ['BYMONTHDAY with WEEKLY', 'FREQ=WEEKLY;BYMONTHDAY=1'],
      ['BYYEARDAY with MONTHLY', 'FREQ=MONTHLY;BYYEARDAY=1'],
      ['BYWEEKNO with MONTHLY', 'FREQ=MONTHLY;BYWEEKNO=1'],
      ['BYSETPOS alone', 'FREQ=MONTHLY;BYSETPOS=1'],
      ['BYHOUR=24', 'FREQ=DAILY;BYHOUR=24'],
      ['a bad WKST', 'FREQ=WEEKLY;WKST=XX'],
      ['a control character', 'FREQ=WEEKLY\n'],
    ])('rejects an RRULE with %s', (_what, rrule) => {
      const problems = configProblems([withHours({ rrule })]);
      expect(problems).toEqual([
        expect.objectContaining({ code: 'GC3007', path: 'environments[dev].businessHours.rrule', value: rrule, fix: expect.any(String) }),
      ]);
    });

    it.each([
      'America/Indiana/Indianapolis',
      'Europe/Dublin',
      'Europe/Kyiv',
      'Asia/Kolkata',
      'UTC',
      'Etc/GMT+5',
      'America/Port-au-Prince',
      'US/Eastern',
      'Asia/Calcutta',
      'Europe/Kiev',
      'EST5EDT',
      'Etc/GMT-14',
      'Antarctica/DumontDUrville',
      'America/Argentina/ComodRivadavia',
    ])('accepts the time zone %s', (timeZone) => {
      expect(configProblems([withHours({ timeZone })])).toEqual([]);
    });

    it.each([
      ['Europe/Dubln', 'did you mean Europe/Dublin?'],
      ['europe/dublin', 'write Europe/Dublin'],
      ['utc', 'write UTC'],
      ['us/eastern', 'write US/Eastern'],
      ['US/EASTERN', 'write US/Eastern'],
      ['ASIA/KOLKATA', 'write Asia/Kolkata'],
      ['asia/calcutta', 'write Asia/Calcutta'],
      ['Est5Edt', 'write EST5EDT'],
      ['America/Port-Au-Prince', 'write America/Port-au-Prince'],
      ['+01:00', undefined],
      ['SystemV/AST4', undefined],
      ['Europe/Dublin ', undefined],
      ['', undefined],
    ])('rejects the time zone %j', (timeZone, fix) => {
      const [p, ...rest] = configProblems([withHours({ timeZone })]);
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ code: 'GC3007', path: 'environments[dev].businessHours.timeZone' });
      if (fix) expect(p.fix).toBe(fix);
    });

    it('checks dates against the calendar, and compares them only when both exist', () => {
      expect(codes([withHours({ start: '2028-02-29T08:00:00', end: '2028-02-29T18:00:00.5' })])).toEqual([]);
      for (const start of [
        '2026-02-29T08:00:00',
        '2026-04-31T08:00:00',
        '2026-00-10T08:00:00',
        '2026-01-00T08:00:00',
        '2026-01-05T08:60:00',
        '2026-01-05T08:00:60',
      ]) {
        expect({ start, problems: configProblems([withHours({ start })]).map((p) => p.path) }).toEqual({
          start,
          problems: ['environments[dev].businessHours.start'],
        });
      }
      const [same] = configProblems([withHours({ start: '2026-01-05T08:00:00', end: '2026-01-05T08:00:00.000000' })]);
      expect(same).toMatchObject({ path: 'environments[dev].businessHours', fix: 'make end later than start' });
      const [after] = configProblems([withHours({ start: '2026-01-05T19:00:00', end: '2026-01-05T18:00:00' })]);
      expect(after.fix).toBe('swap start and end');
    });

    it('rejects {{ }} and control characters in the closed message', () => {
      for (const closedMessage of ['Call {{x}}', 'Closed }}', 'Closed\u0000', 'Closed\u2028now']) {
        expect(codes([withHours({ closedMessage })])).toEqual(['GC3007']);
      }
    });
  });

  describe('GC3008 structure and GC3009 no environments', () => {
    it('rejects something other than a list, and an empty list', () => {
      for (const value of [undefined, null, {}, 'dev', 3]) {
        expect(configProblems(value)).toEqual([expect.objectContaining({ code: 'GC3008', path: 'environments' })]);
      }
      expect(configProblems([])).toEqual([expect.objectContaining({ code: 'GC3009', path: 'environments' })]);
    });

    it.each([null, undefined, 'dev', 42, [], true])('rejects the environment %p', (env) => {
      expect(configProblems([dev, env])).toEqual([expect.objectContaining({ code: 'GC3008', path: 'environments[1]' })]);
    });

    it('reports unknown fields at every level, with a did-you-mean fix when one is close', () => {
      const env = {
        ...dev,
        regoin: 'us-east-1',
        division: { name: 'Home', idd: 'x' },
        pinAuth: { ...dev.pinAuth, retries: 3 },
        ivrs: { sales: { ...dev.ivrs.sales, queue: 'x', didPool: { ...dev.ivrs.sales.didPool!, size: 10 } }, support: dev.ivrs.support },
        flowChecks: { enable: false },
        backend: { type: 'local', path: 'x.tfstate', bucket: 'b' },
      };
      expect(configProblems([env]).map((p) => [p.code, p.path, p.fix])).toEqual([
        ['GC3008', 'environments[dev].regoin', 'did you mean region?'],
        ['GC3008', 'environments[dev].division.idd', 'did you mean id?'],
        ['GC3008', 'environments[dev].pinAuth.retries', 'remove it'],
        ['GC3008', 'environments[dev].ivrs.sales.queue', 'did you mean queueName?'],
        ['GC3008', 'environments[dev].ivrs.sales.didPool.size', 'remove it'],
        ['GC3008', 'environments[dev].flowChecks.enable', 'did you mean enabled?'],
        ['GC3008', 'environments[dev].backend.bucket', 'remove it'],
      ]);
    });

    it('rejects a third IVR and a missing one', () => {
      expect(configProblems([withDev({ ivrs: { ...dev.ivrs, billing: dev.ivrs.sales } as never })])).toEqual([
        expect.objectContaining({ code: 'GC3008', path: 'environments[dev].ivrs.billing' }),
      ]);
      expect(configProblems([withDev({ ivrs: { sales: dev.ivrs.sales } as never })])).toEqual([
        expect.objectContaining({ code: 'GC3008', path: 'environments[dev].ivrs.support' }),
      ]);
    });

    it('rejects values of the wrong type, each with the code of its field', () => {
      const env = {
        ...dev,
        manageQueues: 'yes',
        region: 1,
        pinAuth: { ...dev.pinAuth, maxAttempts: '3' },
        ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, dnis: '+13175550100' } },
        flowChecks: { enabled: 1 },
      };
      expect(configProblems([env]).map((p) => [p.code, p.path])).toEqual([
        ['GC3001', 'environments[dev].region'],
        ['GC3008', 'environments[dev].manageQueues'],
        ['GC3005', 'environments[dev].pinAuth.maxAttempts'],
        ['GC3002', 'environments[dev].ivrs.sales.dnis'],
        ['GC3008', 'environments[dev].flowChecks.enabled'],
      ]);
      // An array of numbers coerces to a matching string; it is still not a number list.
      expect(codes([withSales({ dnis: [['+13175550100']] as never })])).toEqual(['GC3002']);
    });

    it('never throws, and prints any value safely', () => {
      const cyclic: Record<string, unknown> = { type: 'local' };
      cyclic.self = cyclic;
      const weird = { ...dev, namePrefix: 10n, division: Object.create(null), backend: cyclic, businessHours: [] };
      const problems = configProblems([weird]);
      expect(problems.map((p) => p.code)).toEqual(['GC3003', 'GC3003', 'GC3007', 'GC3008', 'GC3004']);
      expect(() => validateConfig([weird])).toThrow(ProblemError);
      expect(describeValue(10n)).toBe('"10n"');
      expect(describeValue(cyclic)).toBe('[object Object]');
      expect(describeValue(Symbol('s'))).toBe('"Symbol(s)"');
      expect(describeValue('x'.repeat(500))).toMatch(/… \(502 characters\)$/);
    });
  });

  describe('GC3006 queues and DID pools', () => {
    it('rejects queue names that differ only in letter case', () => {
      expect(configProblems([withDev({ operatorQueueName: 'dev sales' })])).toEqual([
        expect.objectContaining({ code: 'GC3006', path: 'environments[dev].ivrs.sales.queueName' }),
      ]);
    });

    it('rejects one name for two created queues, accepts one existing queue looked up for two routes', () => {
      expect(configProblems([withDev({ operatorQueueName: 'DEV Sales' })])).toEqual([
        expect.objectContaining({ code: 'GC3006', path: 'environments[dev].ivrs.sales.queueName' }),
      ]);
      const prod = ENVIRONMENTS[2];
      expect(prod.manageQueues).toBe(false);
      expect(codes([{ ...prod, operatorQueueName: 'Sales', ivrs: { ...prod.ivrs, support: { ...prod.ivrs.support, queueName: 'Sales' } } }])).toEqual(
        [],
      );
      const [p, ...rest] = configProblems([{ ...prod, ivrs: { ...prod.ivrs, support: { ...prod.ivrs.support, queueName: 'SALES' } } }]);
      expect(rest).toEqual([]);
      expect(p).toMatchObject({
        code: 'GC3006',
        path: 'environments[prod].ivrs.support.queueName',
        fix: 'write "Sales" for one existing queue, or name another queue',
      });
    });

    it('rejects a DID pool whose start is after its end, and one DNIS listed twice', () => {
      expect(configProblems([withSales({ didPool: { start: '+13175550109', end: '+13175550100' } })])).toEqual([
        expect.objectContaining({ code: 'GC3002', path: 'environments[dev].ivrs.sales.didPool', fix: 'swap start and end' }),
      ]);
      expect(configProblems([withSales({ dnis: ['+13175550100', '+13175550100'] })])).toEqual([
        expect.objectContaining({ code: 'GC3006', path: 'environments[dev].ivrs.sales.dnis[1]', message: 'number is listed twice' }),
      ]);
    });

    it('accepts pools that touch but do not overlap', () => {
      const support = { ...dev.ivrs.support, didPool: { start: '+13175550110', end: '+13175550119' } };
      expect(codes([withDev({ ivrs: { ...dev.ivrs, support } })])).toEqual([]);
    });
  });

  describe('text that Terraform or the flows would misread', () => {
    it('accepts ${…} and %{…} in names (escaped for Terraform) but not cdktf token markers', () => {
      expect(codes([withDev({ namePrefix: 'DEV ${x} %{y} ', operatorQueueName: 'Op ${path.cwd}' })])).toEqual([]);
      for (const marker of ['${TfToken[TOKEN.1]}', '#{TfToken[TOKEN.1]}', '&{TfToken[TOKEN.1]}']) {
        expect(codes([withDev({ namePrefix: `${marker} ` })])).toEqual(['GC3003']);
      }
    });

    it('rejects lone surrogates, C1 controls and line separators in names', () => {
      for (const bad of ['DEV \ud800', 'Op\u0085x', 'Op\u2029x']) expect(codes([withDev({ operatorQueueName: bad })])).toEqual(['GC3003']);
      expect(codes([withDev({ operatorQueueName: 'Opérateur 😀' })])).toEqual([]);
    });

    it('limits the name prefix so every name built from it stays a valid flow name', () => {
      expect(codes([withDev({ namePrefix: 'D'.repeat(MAX_NAME_PREFIX_LENGTH) })])).toEqual([]);
      expect(codes([withDev({ namePrefix: 'D'.repeat(MAX_NAME_PREFIX_LENGTH + 1) })])).toEqual(['GC3003']);
    });

    it('keeps local state inside the stack folder', () => {
      for (const p of ['state/../../x.tfstate', '../x', 'state/', '.', 'x\u0000.tfstate'])
        expect({ p, codes: codes([withDev({ backend: { type: 'local', path: p } })]) }).toEqual({ p, codes: ['GC3004'] });
      for (const p of ['terraform.tfstate', 'state/dev.tfstate', './x.tfstate', 'a/../b.tfstate', 'state ${x}.tfstate'])
        expect({ p, codes: codes([withDev({ backend: { type: 'local', path: p } })]) }).toEqual({ p, codes: [] });
    });
  });

  it('has a failing case above for every GC3xxx code', () => {
    expect(Object.keys(CONFIG_ERROR_CODES)).toEqual([
      'GC3001',
      'GC3002',
      'GC3003',
      'GC3004',
      'GC3005',
      'GC3006',
      'GC3007',
      'GC3008',
      'GC3009',
      'GC3010',
    ]);
  });

  it('validateConfig throws every problem of every environment at once', () => {
    const bad = withDev({
      region: 'mars-1' as never,
      backend: { type: 'local', path: '/abs' },
      ivrs: { ...dev.ivrs, sales: { ...dev.ivrs.sales, dnis: ['555-0100'], didPool: undefined } },
    });
    const alsoBad = { ...ENVIRONMENTS[1], pinAuth: { maxAttempts: 3, accountLookup: { integrationName: 'Test Data Actions', url: 'x' } } };
    let error: unknown;
    try {
      validateConfig([bad, alsoBad]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProblemError);
    const problems = (error as ProblemError).problems;
    expect(problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'GC3001 environments[dev].region',
      'GC3002 environments[dev].ivrs.sales.dnis[0]',
      'GC3004 environments[dev].backend.path',
      'GC3005 environments[test].pinAuth.accountLookup.url',
    ]);
    const message = (error as Error).message;
    expect(message).toMatch(/^4 problem\(s\) in environment configuration:\n/);
    expect(message).toContain('GC3001 [environments[dev].region]');
    expect(message).toContain('(value: "mars-1")');
    expect(message).toContain('Fix: ');
  });
});
