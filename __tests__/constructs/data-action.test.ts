import { TerraformStack } from 'cdktf';
import { DataAction, DataActionProps, IIntegration, Integration } from '../../constructs';
import { CallData, DataActionTarget, Disconnect, Expr, InboundCallFlow, Problem, ProblemError, Prompt, Task } from '../../flow';
import { problemsThrownBy, resourceAt, synthJson, testStack } from '../support/fixtures';
import { dependsOnOfFlowNaming } from '../support/referencing-flow';

const INPUTS = { accountId: 'string', pin: 'integer' } as const;
const OUTPUTS = { balance: 'decimal', vip: 'boolean', name: 'string' } as const;

/** The "Crm" integration of each stack, looked up once. */
const integrations = new WeakMap<TerraformStack, IIntegration>();

/** A valid action of the stack's "CRM Data Actions" integration. */
function lookupProps(stack: TerraformStack): DataActionProps<typeof INPUTS, typeof OUTPUTS> {
  if (!integrations.has(stack)) integrations.set(stack, Integration.fromName(stack, 'Crm', 'CRM Data Actions'));
  return {
    integration: integrations.get(stack)!,
    name: 'Get account',
    inputs: INPUTS,
    outputs: OUTPUTS,
    request: { urlTemplate: 'https://crm.example.com/accounts/${input.accountId}', method: 'GET' },
  };
}

describe('DataAction', () => {
  it('creates a genesyscloud_integration_action in the integration, its contract as JSON schemas (decimal → number, every input required)', () => {
    const stack = testStack();
    new DataAction(stack, 'GetAccount', {
      ...lookupProps(stack),
      request: {
        urlTemplate: 'https://crm.example.com/accounts/${input.accountId}',
        method: 'POST',
        headers: { 'X-Pin': '${input.pin}' },
        bodyTemplate: '{"pin": ${input.pin}}',
      },
      response: { translationMap: { balance: '$.balance' }, translationMapDefaults: { vip: 'false' }, successTemplate: '{"balance": ${balance}}' },
      secure: true,
      timeoutSeconds: 20,
    });
    const json = synthJson(stack);
    const action = resourceAt(json, 'genesyscloud_integration_action', 'GetAccount/Resource');
    const integration = resourceAt(json, 'genesyscloud_integration', 'Crm/Lookup', 'data');
    expect(action).toMatchObject({
      name: 'Get account',
      category: 'CRM Data Actions',
      integration_id: `\${${integration.address}.id}`,
      secure: true,
      config_timeout_seconds: 20,
      config_request: {
        request_url_template: 'https://crm.example.com/accounts/$${input.accountId}',
        request_type: 'POST',
        headers: { 'X-Pin': '$${input.pin}' },
        request_template: '{"pin": $${input.pin}}',
      },
      config_response: {
        translation_map: { balance: '$.balance' },
        translation_map_defaults: { vip: 'false' },
        success_template: '{"balance": $${balance}}',
      },
    });
    expect(JSON.parse(action.contract_input)).toEqual({
      type: 'object',
      properties: { accountId: { type: 'string' }, pin: { type: 'integer' } },
      required: ['accountId', 'pin'],
    });
    expect(JSON.parse(action.contract_output)).toEqual({
      type: 'object',
      properties: { balance: { type: 'number' }, vip: { type: 'boolean' }, name: { type: 'string' } },
    });
  });

  it('is not secure by default, and writes no response block or timeout unless given', () => {
    const stack = testStack();
    new DataAction(stack, 'GetAccount', lookupProps(stack));
    const action = resourceAt(synthJson(stack), 'genesyscloud_integration_action', 'GetAccount/Resource');
    expect(action.secure).toBe(false);
    expect(action).not.toHaveProperty('config_response');
    expect(action).not.toHaveProperty('config_timeout_seconds');
    expect(action.config_request).toEqual({ request_type: 'GET', request_url_template: 'https://crm.example.com/accounts/$${input.accountId}' });
  });

  it('a secure action (secure: true, or a look-up said to be secure) cannot be called from the flows this project writes (GC1017)', () => {
    const stack = testStack();
    const secure = new DataAction(stack, 'Secure', { ...lookupProps(stack), secure: true });
    expect(resourceAt(synthJson(stack), 'genesyscloud_integration_action', 'Secure/Resource').secure).toBe(true);
    const imported = DataAction.fromName(stack, 'Imported', {
      integrationName: 'CRM',
      actionName: 'Card check',
      inputs: {},
      outputs: {},
      secure: true,
    });
    const calls = [
      new CallData('Look up', { action: secure, inputs: { accountId: Expr.string('1'), pin: Expr.integer(1) } }),
      new CallData('Look up', { action: imported, inputs: {} }),
    ];
    for (const call of calls) {
      expect(call.action.secure).toBe(true);
      const main = new Task('Main', [call, new Disconnect('Bye')]);
      const flow = new InboundCallFlow({ name: 'F', initialGreeting: Prompt.tts('Hi.'), startUp: main, tasks: [main] });
      expect(flow.validate('F').map((p) => p.code)).toEqual(['GC1017']);
    }
  });

  it('is the target flows call: the category (default: the integration name) then its name, with its contract', () => {
    const stack = testStack();
    const byIntegration: DataActionTarget<typeof INPUTS, typeof OUTPUTS> = new DataAction(stack, 'A', lookupProps(stack));
    expect(byIntegration).toMatchObject({ integrationName: 'CRM Data Actions', actionName: 'Get account', inputs: INPUTS, outputs: OUTPUTS });
    const categorized = new DataAction(stack, 'B', { ...lookupProps(stack), name: 'Other', category: 'CRM' });
    expect(categorized.integrationName).toBe('CRM');
    expect(resourceAt(synthJson(stack), 'genesyscloud_integration_action', 'B/Resource').category).toBe('CRM');
  });

  it('fromName looks the action up by name (data.genesyscloud_integration_action) and creates none', () => {
    const stack = testStack();
    const found = DataAction.fromName(stack, 'Found', { integrationName: 'CRM ${x}', actionName: 'Get ${y}', inputs: INPUTS, outputs: OUTPUTS });
    expect(found).toMatchObject({ integrationName: 'CRM ${x}', actionName: 'Get ${y}', inputs: INPUTS, outputs: OUTPUTS });
    const json = synthJson(stack);
    const lookup = resourceAt(json, 'genesyscloud_integration_action', 'Found/Lookup', 'data');
    expect(lookup.name).toBe('Get $${y}');
    expect(lookup).not.toHaveProperty('integration_id');
    expect(json.resource?.genesyscloud_integration_action).toBeUndefined();
  });

  it('fromName narrows the lookup to an integration when given (integration_id), as built-in actions repeat per integration', () => {
    const stack = testStack();
    const { integration } = lookupProps(stack);
    DataAction.fromName(stack, 'GetUser', { integrationName: 'CRM Data Actions', actionName: 'Get User', inputs: {}, outputs: {}, integration });
    const json = synthJson(stack);
    const integrationAddress = resourceAt(json, 'genesyscloud_integration', 'Crm/Lookup', 'data').address;
    expect(resourceAt(json, 'genesyscloud_integration_action', 'GetUser/Lookup', 'data')).toMatchObject({
      name: 'Get User',
      integration_id: `\${${integrationAddress}.id}`,
    });
  });

  it('is a dependency of the flows that name it (the resource, or the lookup of an imported one)', () => {
    const stack = testStack();
    const managed = new DataAction(stack, 'GetAccount', lookupProps(stack));
    const imported = DataAction.fromName(stack, 'Found', { integrationName: 'CRM', actionName: 'Other', inputs: {}, outputs: {} });
    const dependsOn = dependsOnOfFlowNaming(stack, [managed, imported]);
    const json = synthJson(stack);
    expect([...dependsOn].sort()).toEqual(
      [
        resourceAt(json, 'genesyscloud_integration_action', 'GetAccount/Resource').address,
        resourceAt(json, 'genesyscloud_integration_action', 'Found/Lookup', 'data').address,
      ].sort(),
    );
  });

  it('lists every problem of a definition (GC2016) with its path, value and fix, before adding anything', () => {
    const stack = testStack();
    const problems = problemsThrownBy(
      () =>
        new DataAction(stack, 'Bad', {
          ...lookupProps(stack),
          name: 'x'.repeat(257),
          category: 'My Function_Data-Action',
          inputs: { 'a"b': 'string' },
          outputs: { total: 'money' as never },
          timeoutSeconds: 61,
          request: { urlTemplate: ' ', method: 'HEAD' as never },
        }),
    );
    expect(problems.map((p) => [p.code, p.path, p.value])).toEqual([
      ['GC2016', 'test-stack/Bad.name', 'x'.repeat(257)],
      ['GC2016', 'test-stack/Bad.inputs.a"b', 'a"b'],
      ['GC2016', 'test-stack/Bad.outputs.total', 'money'],
      ['GC2016', 'test-stack/Bad.category', 'My Function_Data-Action'],
      ['GC2016', 'test-stack/Bad.timeoutSeconds', 61],
      ['GC2016', 'test-stack/Bad.request.method', 'HEAD'],
      ['GC2016', 'test-stack/Bad.request.urlTemplate', ' '],
    ]);
    for (const problem of problems) expect(problem.fix).not.toBe('');
    expect(synthJson(stack).resource?.genesyscloud_integration_action).toBeUndefined();
  });

  it.each([0, 1.5, 61])('refuses a timeout of %p seconds (1-60, whole)', (timeoutSeconds) => {
    const stack = testStack();
    expect(problemsThrownBy(() => new DataAction(stack, 'Bad', { ...lookupProps(stack), timeoutSeconds }))).toEqual([
      expect.objectContaining({ code: 'GC2016', path: 'test-stack/Bad.timeoutSeconds', value: timeoutSeconds }),
    ]);
  });

  it('accepts the bounds: a 256-character name, timeouts of 1 and 60 seconds', () => {
    const stack = testStack();
    new DataAction(stack, 'Long', { ...lookupProps(stack), name: 'x'.repeat(256), timeoutSeconds: 1 });
    new DataAction(stack, 'Slow', { ...lookupProps(stack), name: 'slow', timeoutSeconds: 60 });
    expect(Object.keys(synthJson(stack).resource.genesyscloud_integration_action)).toHaveLength(2);
  });

  it('fromName refuses names flows cannot write (GC2016)', () => {
    const stack = testStack();
    const problems = problemsThrownBy(() =>
      DataAction.fromName(stack, 'Bad', { integrationName: '', actionName: 'a{{b}}', inputs: {}, outputs: {} }),
    );
    expect(problems.map((p) => [p.code, p.path, p.value])).toEqual([
      ['GC2016', 'test-stack/Bad.actionName', 'a{{b}}'],
      ['GC2016', 'test-stack/Bad.integrationName', ''],
    ]);
  });
});

describe('DataAction credentials: refused, and never shown in a problem', () => {
  const SECRET = 'S3cr3t';
  const MARKER = '${TfToken[TOKEN.7]}';
  /** Calls as JavaScript makes them: any request or props. */
  type Loose = any;
  const withRequest = (stack: TerraformStack, request: Loose) => new DataAction(stack, 'X', { ...lookupProps(stack), request });
  const get = (urlTemplate: string, more: object = {}) => ({ urlTemplate, method: 'GET', ...more });

  /** The problems of `construct`, after checking that none shows the secret and nothing was added. */
  function refused(construct: (stack: TerraformStack) => unknown): readonly Problem[] {
    const stack = testStack();
    const problems = problemsThrownBy(() => construct(stack));
    expect(JSON.stringify(problems)).not.toContain(SECRET);
    expect(new ProblemError(problems).message).not.toContain(SECRET);
    expect(stack.node.tryFindChild('X')).toBeUndefined();
    return problems;
  }

  it.each([
    ['a password holding /', `https://svc:${SECRET}/x@a.example.com/x`, 'https://***@a.example.com/x'],
    ['a password holding ?', `https://svc:${SECRET}?@a.example.com/x`, 'https://***@a.example.com/x'],
    ['a password holding #', `https://svc:${SECRET}#x@a.example.com/x`, 'https://***@a.example.com/x'],
    ['a leading space', ` https://svc:${SECRET}@a.example.com/x`, '***@a.example.com/x'],
    ['no scheme', `svc:${SECRET}@a.example.com/x`, '***@a.example.com/x'],
    ['a scheme with one slash', `https:/svc:${SECRET}@a.example.com/x`, '***@a.example.com/x'],
    ['backslashes', `https:\\\\svc:${SECRET}@a.example.com/x`, '***@a.example.com/x'],
    ['an @ in the path (written %40)', 'https://a.example.com/users/@me', 'https://***@me'],
  ])('refuses a URL with an @ (user-info, whatever its form): %s', (_, urlTemplate, shown) => {
    expect(refused((stack) => withRequest(stack, get(urlTemplate)))).toEqual([
      expect.objectContaining({
        code: 'GC2016',
        path: 'test-stack/X.request.urlTemplate',
        value: shown,
        fix: expect.stringContaining('written %40'),
      }),
    ]);
  });

  it('accepts an @ written %40 in the path', () => {
    const stack = testStack();
    withRequest(stack, get('https://a.example.com/users/%40me'));
    expect(resourceAt(synthJson(stack), 'genesyscloud_integration_action', 'X/Resource').config_request.request_url_template).toBe(
      'https://a.example.com/users/%40me',
    );
  });

  it('hides user-info in every other problem that shows a URL: a token marker, a request given as text', () => {
    expect(refused((stack) => withRequest(stack, get(`https://svc:${SECRET}@a.example.com/${MARKER}`))).map((p) => p.value)).toEqual([
      `https://***@a.example.com/${MARKER}`,
    ]);
    expect(refused((stack) => withRequest(stack, `https://svc:${SECRET}@a.example.com/x`)).map((p) => p.value)).toEqual([
      'https://***@a.example.com/x',
    ]);
    expect(
      refused((stack) => withRequest(stack, get('https://a.example.com/x', { bodyTemplate: `svc:${SECRET}@x ${MARKER}` }))).map((p) => p.value),
    ).toEqual([`***@x ${MARKER}`]);
  });

  it('never shows the value of a credential header, whatever its problem', () => {
    const header = (headers: Loose) => (stack: TerraformStack) => withRequest(stack, get('https://a.example.com/x', { headers }));
    expect(refused(header({ 'X-Api-Key': `${SECRET}${MARKER}` })).map((p) => [p.path, p.value])).toEqual([
      ['test-stack/X.request.headers["X-Api-Key"]', '(not shown)'],
      ['test-stack/X.request.headers["X-Api-Key"]', 'X-Api-Key'],
    ]);
    expect(refused(header({ Authorization: ['Basic', SECRET] })).map((p) => [p.message, p.value])).toEqual([['must be text', '(not shown)']]);
    expect(refused(header(`Authorization: Basic ${SECRET}`)).map((p) => [p.path, p.value])).toEqual([
      ['test-stack/X.request.headers', '(not shown)'],
    ]);
  });

  it.each(['X-Auth', 'Token', 'X-Client-Secret-Value', 'X-Session-Id', 'Ocp-Apim-Subscription-Key', 'x_api_key', 'X-Pin'])(
    'takes %s for a credential header by a word of its name: a literal value is refused, not shown',
    (name) => {
      expect(refused((stack) => withRequest(stack, get('https://a.example.com/x', { headers: { [name]: SECRET } })))).toEqual([
        expect.objectContaining({ code: 'GC2016', path: `test-stack/X.request.headers[${JSON.stringify(name)}]`, value: name }),
      ]);
    },
  );

  it('shows neither props nor a request given as a list (they may hold a credential header)', () => {
    const headers = { Authorization: `Basic ${SECRET}` };
    expect(refused((stack) => new DataAction(stack, 'X', [{ request: { headers } }] as Loose)).map((p) => p.value)).toEqual(['(not shown)']);
    expect(refused((stack) => withRequest(stack, [{ headers }])).map((p) => p.value)).toEqual(['(not shown)']);
  });
});
