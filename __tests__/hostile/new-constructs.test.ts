/**
 * Hostile input to the data action, data table, user prompt, integration and in-queue flow constructs, as
 * a JavaScript caller (no TypeScript) or a careless one gives it: every refusal is a coded problem naming
 * the path and showing the value, never a TypeError, and leaves nothing in the tree.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { CallFlow, DataAction, DataTable, InQueueFlow, Integration, Queue, UserPrompt } from '../../constructs';
import { HoldMusic, PlayAudio, Prompt } from '../../flow';
import { problemsThrownBy, synthJson, testStack } from '../support/fixtures';

/** Calls as JavaScript makes them: any props. */
type Loose = any;
const integration = (stack: TerraformStack) => Integration.fromName(stack, 'Int', 'CRM Data Actions');
const dataAction = (stack: TerraformStack, change: Loose) =>
  new DataAction(stack, 'X', {
    integration: integration(stack),
    name: 'Get account',
    inputs: { accountId: 'string' },
    outputs: { name: 'string' },
    request: { urlTemplate: 'https://crm.example.com/${input.accountId}', method: 'GET' },
    ...change,
  });
const dataTable = (stack: TerraformStack, change: Loose) => new DataTable(stack, 'X', { name: 'Branches', fields: { queue: 'string' }, ...change });
const userPrompt = (stack: TerraformStack, change: Loose) =>
  new UserPrompt(stack, 'X', { name: 'Greeting', resources: [{ language: 'en-us', tts: 'Hello' }], ...change });
const MARKER = 'see ${TfToken[TOKEN.5]}';

/** [case, construction, code, path under test-stack/X, value shown]. */
const CASES: ReadonlyArray<[string, (stack: TerraformStack) => unknown, string, string, unknown]> = [
  ['DataAction without request', (s) => dataAction(s, { request: undefined }), 'GC2016', '.request', undefined],
  ['DataAction without urlTemplate', (s) => dataAction(s, { request: { method: 'GET' } }), 'GC2016', '.request.urlTemplate', undefined],
  ['DataAction without inputs', (s) => dataAction(s, { inputs: undefined }), 'GC2016', '.inputs', undefined],
  ['DataAction without name', (s) => dataAction(s, { name: undefined }), 'GC2016', '.name', undefined],
  ['DataAction without integration', (s) => dataAction(s, { integration: undefined }), 'GC2016', '.integration', undefined],
  [
    'DataAction with a numeric header',
    (s) => dataAction(s, { request: { urlTemplate: 'https://x', method: 'GET', headers: { Accept: 1 } } }),
    'GC2016',
    '.request.headers["Accept"]',
    1,
  ],
  [
    'DataAction with a numeric bodyTemplate',
    (s) => dataAction(s, { request: { urlTemplate: 'https://x', method: 'GET', bodyTemplate: 5 } }),
    'GC2016',
    '.request.bodyTemplate',
    5,
  ],
  ["DataAction with secure: 'yes'", (s) => dataAction(s, { secure: 'yes' }), 'GC2016', '.secure', 'yes'],
  [
    'DataAction.fromName without inputs',
    (s) => DataAction.fromName(s, 'X', { integrationName: 'CRM', actionName: 'Get', outputs: {} } as Loose),
    'GC2016',
    '.inputs',
    undefined,
  ],
  ['Integration.fromName without a name', (s) => Integration.fromName(s, 'X', undefined as Loose), 'GC2022', '', undefined],
  ['Integration.fromName with a numeric name', (s) => Integration.fromName(s, 'X', 5 as Loose), 'GC2022', '', 5],
  ['DataTable without fields', (s) => dataTable(s, { fields: undefined }), 'GC2017', '.fields', undefined],
  ['DataTable with a null row', (s) => dataTable(s, { rows: { sales: null } }), 'GC2018', '.rows["sales"]', null],
  ['DataTable with a numeric name', (s) => dataTable(s, { name: 3 }), 'GC2017', '.name', 3],
  ['DataTable with a numeric description', (s) => dataTable(s, { description: 3 }), 'GC2017', '.description', 3],
  ['UserPrompt without resources', (s) => userPrompt(s, { resources: undefined }), 'GC2020', '.resources', undefined],
  [
    'UserPrompt with resources an object',
    (s) => userPrompt(s, { resources: { language: 'en-us', tts: 'Hi' } }),
    'GC2020',
    '.resources',
    { language: 'en-us', tts: 'Hi' },
  ],
  ['UserPrompt with a null resource', (s) => userPrompt(s, { resources: [null] }), 'GC2020', '.resources[0]', null],
  [
    'UserPrompt with tts: 5',
    (s) => userPrompt(s, { resources: [{ language: 'en-us', tts: 5, audioFile: undefined }] }),
    'GC2020',
    '.resources[0].tts',
    5,
  ],
  ['UserPrompt without a name', (s) => userPrompt(s, { name: undefined }), 'GC2019', '.name', undefined],
  ['UserPrompt.fromName without a name', (s) => UserPrompt.fromName(s, 'X', undefined as Loose), 'GC2019', '.name', undefined],
  ['InQueueFlow.fromName without a name', (s) => InQueueFlow.fromName(s, 'X', undefined as Loose), 'GC1014', '.flowName', undefined],
  ['CallFlow.fromName with a numeric name', (s) => CallFlow.fromName(s, 'X', 5 as Loose), 'GC1014', '.flowName', 5],
  ['InQueueFlow without props', (s) => new InQueueFlow(s, 'X', undefined as Loose), 'GC1016', '', undefined],
  ['InQueueFlow without actions', (s) => new InQueueFlow(s, 'X', { name: 'Hold' } as Loose), 'GC1016', '.actions', undefined],
  ["Queue with inQueueFlow 'abc'", (s) => new Queue(s, 'X', { name: 'Sales', inQueueFlow: 'abc' as Loose }), 'GC2014', ' > inQueueFlow', 'abc'],
  // Object.prototype keys as field names (finding: a flow would read the prototype's member).
  [
    'DataAction input named __proto__',
    (s) => dataAction(s, { inputs: JSON.parse('{"__proto__":"string"}') }),
    'GC2016',
    '.inputs.__proto__',
    '__proto__',
  ],
  [
    'DataAction output named constructor',
    (s) => dataAction(s, { outputs: { constructor: 'string' } }),
    'GC2016',
    '.outputs.constructor',
    'constructor',
  ],
  [
    'DataAction.fromName input named toString',
    (s) => DataAction.fromName(s, 'X', { integrationName: 'CRM', actionName: 'Get', inputs: { toString: 'string' }, outputs: {} } as Loose),
    'GC2016',
    '.inputs.toString',
    'toString',
  ],
  [
    'DataTable field named hasOwnProperty',
    (s) => dataTable(s, { fields: { hasOwnProperty: 'string' } }),
    'GC2017',
    '.fields.hasOwnProperty',
    'hasOwnProperty',
  ],
  [
    'DataTable.fromName field named __proto__',
    (s) => DataTable.fromName(s, 'X', 'Branches', JSON.parse('{"__proto__":"string"}')),
    'GC2017',
    '.fields.__proto__',
    '__proto__',
  ],
  // cdktf's token marker in literal text (synth would take it for a reference, or crash).
  ['token marker in a DataTable description', (s) => dataTable(s, { description: MARKER }), 'GC2017', '.description', MARKER],
  ['token marker in a DataTable key title', (s) => dataTable(s, { keyTitle: MARKER }), 'GC2017', '.keyTitle', MARKER],
  ['token marker in a DataTable name', (s) => dataTable(s, { name: MARKER }), 'GC2017', '.name', MARKER],
  [
    'token marker in a DataTable row key',
    (s) => dataTable(s, { rows: { [MARKER]: { queue: 'Sales' } } }),
    'GC2018',
    `.rows[${JSON.stringify(MARKER)}]`,
    MARKER,
  ],
  ['token marker in a DataTable row value', (s) => dataTable(s, { rows: { sales: { queue: MARKER } } }), 'GC2018', '.rows["sales"].queue', MARKER],
  ['token marker in a DataAction name', (s) => dataAction(s, { name: MARKER }), 'GC2016', '.name', MARKER],
  [
    'token marker in a DataAction URL',
    (s) => dataAction(s, { request: { urlTemplate: `https://x/${MARKER}`, method: 'GET' } }),
    'GC2016',
    '.request.urlTemplate',
    `https://x/${MARKER}`,
  ],
  [
    'token marker in a DataAction header',
    (s) => dataAction(s, { request: { urlTemplate: 'https://x', method: 'GET', headers: { Accept: MARKER } } }),
    'GC2016',
    '.request.headers["Accept"]',
    MARKER,
  ],
  [
    'token marker in a DataAction body',
    (s) => dataAction(s, { request: { urlTemplate: 'https://x', method: 'GET', bodyTemplate: MARKER } }),
    'GC2016',
    '.request.bodyTemplate',
    MARKER,
  ],
  [
    'token marker in a DataAction success template',
    (s) => dataAction(s, { response: { successTemplate: MARKER } }),
    'GC2016',
    '.response.successTemplate',
    MARKER,
  ],
  [
    'token marker in a DataAction translation map',
    (s) => dataAction(s, { response: { translationMap: { name: MARKER } } }),
    'GC2016',
    '.response.translationMap["name"]',
    MARKER,
  ],
  ['token marker in prompt tts', (s) => userPrompt(s, { resources: [{ language: 'en-us', tts: MARKER }] }), 'GC2020', '.resources[0].tts', MARKER],
  [
    'token marker in prompt text',
    (s) => userPrompt(s, { resources: [{ language: 'en-us', tts: 'Hi', text: MARKER }] }),
    'GC2020',
    '.resources[0].text',
    MARKER,
  ],
  ['token marker in a prompt description', (s) => userPrompt(s, { description: MARKER }), 'GC2020', '.description', MARKER],
  ['token marker in an integration name', (s) => Integration.fromName(s, 'X', MARKER), 'GC2022', '', MARKER],
  ['token marker in a flow name looked up', (s) => InQueueFlow.fromName(s, 'X', MARKER), 'GC1014', '.flowName', MARKER],
  // Credentials in a data action: the integration holds them.
  [
    'user-info in a DataAction URL (shown replaced)',
    (s) => dataAction(s, { request: { urlTemplate: 'https://svc:Sup3rS3cret@api.example.com/x', method: 'GET' } }),
    'GC2016',
    '.request.urlTemplate',
    'https://***@api.example.com/x',
  ],
  [
    'a literal Authorization header (its name shown, not its value)',
    (s) => dataAction(s, { request: { urlTemplate: 'https://x', method: 'GET', headers: { Authorization: 'Bearer eyJ.secret' } } }),
    'GC2016',
    '.request.headers["Authorization"]',
    'Authorization',
  ],
  [
    'a literal X-Api-Key header',
    (s) => dataAction(s, { request: { urlTemplate: 'https://x', method: 'GET', headers: { 'X-Api-Key': 'k3y' } } }),
    'GC2016',
    '.request.headers["X-Api-Key"]',
    'X-Api-Key',
  ],
  [
    'a literal X-Auth-Token header',
    (s) => dataAction(s, { request: { urlTemplate: 'https://x', method: 'GET', headers: { 'X-Auth-Token': 't0k' } } }),
    'GC2016',
    '.request.headers["X-Auth-Token"]',
    'X-Auth-Token',
  ],
];

describe('hostile input to the new constructs: coded problems, nothing left in the tree', () => {
  it.each(CASES)('%s', (_, construct, code, at, value) => {
    const stack = testStack();
    const before = stack.node.children.length;
    const problems = problemsThrownBy(() => construct(stack));
    expect(problems).toContainEqual(expect.objectContaining({ code, path: `test-stack/X${at}`, value, fix: expect.any(String) }));
    for (const problem of problems) expect(JSON.stringify(problem)).not.toMatch(/Sup3rS3cret|eyJ\.secret|k3y|t0k/);
    // The refused construct added no node (only the integration and stack claims the case made first).
    expect(stack.node.tryFindChild('X')).toBeUndefined();
    expect(stack.node.children.length).toBeLessThanOrEqual(before + 2);
  });

  it('accepts credential headers written as templates, which the integration fills in', () => {
    const stack = testStack();
    const headers = {
      Authorization: 'Bearer ${credentials.token}',
      'X-Api-Key': '${credentials.apiKey}',
      'X-Request-Token': '${input.requestToken}',
    };
    dataAction(stack, { request: { urlTemplate: 'https://crm.example.com/x', method: 'GET', headers } });
    expect(Object.values(synthJson(stack).resource.genesyscloud_integration_action)[0].config_request.headers).toEqual({
      Authorization: 'Bearer $${credentials.token}',
      'X-Api-Key': '$${credentials.apiKey}',
      'X-Request-Token': '$${input.requestToken}',
    });
  });

  it('lets a refused construct be retried with the same id', () => {
    const stack = testStack();
    for (const construct of [
      (name: string) => userPrompt(stack, { name }),
      (name: string) => dataTable(stack, { name }),
      (name: string) => DataAction.fromName(stack, 'X', { integrationName: 'CRM', actionName: name, inputs: {}, outputs: {} }),
    ]) {
      expect(problemsThrownBy(() => construct(' bad'))).not.toEqual([]);
      construct('Good');
      stack.node.tryRemoveChild('X');
    }
    const silentHold = [new PlayAudio('Thanks', { prompt: Prompt.tts('Hi') })];
    expect(problemsThrownBy(() => new InQueueFlow(stack, 'Hold', { name: 'Hold', actions: silentHold })).map((p) => p.code)).toEqual(['GC1030']);
    expect(stack.node.tryFindChild('Hold')).toBeUndefined();
    new InQueueFlow(stack, 'Hold', { name: 'Hold', actions: [new HoldMusic('Hold Music')] });
  });
});

describe('GC2023: one name per kind per stack (flows name these resources by name)', () => {
  it.each([
    [
      'two UserPrompts',
      (s: TerraformStack) => [userPromptNamed(s, 'A', 'Greeting'), userPromptNamed(s, 'B', 'Greeting')],
      'test-stack/B.name',
      'Greeting',
    ],
    [
      'a UserPrompt and a UserPrompt.fromName',
      (s: TerraformStack) => [userPromptNamed(s, 'A', 'Greeting'), UserPrompt.fromName(s, 'B', 'Greeting')],
      'test-stack/B.name',
      'Greeting',
    ],
    [
      'two DataTables',
      (s: TerraformStack) => ['A', 'B'].map((id) => new DataTable(s, id, { name: 'Branches', fields: {} })),
      'test-stack/B.name',
      'Branches',
    ],
    [
      'a DataTable and a DataTable.fromName',
      (s: TerraformStack) => [new DataTable(s, 'A', { name: 'Branches', fields: {} }), DataTable.fromName(s, 'B', 'Branches', {})],
      'test-stack/B.name',
      'Branches',
    ],
    [
      'two DataActions of one category and name',
      (s: TerraformStack) => {
        const int = integration(s);
        return ['A', 'B'].map(
          (id) =>
            new DataAction(s, id, { integration: int, name: 'Get', inputs: {}, outputs: {}, request: { urlTemplate: 'https://x', method: 'GET' } }),
        );
      },
      'test-stack/B',
      'CRM Data Actions / Get',
    ],
  ])('refuses %s with one name', (_, construct, at, value) => {
    const stack = testStack();
    expect(problemsThrownBy(() => construct(stack))).toEqual([
      expect.objectContaining({ code: 'GC2023', path: at, value, message: expect.stringContaining('test-stack/A') }),
    ]);
    expect(stack.node.tryFindChild('B')).toBeUndefined();
  });

  it('accepts one name in two stacks, and data actions of one name in two categories', () => {
    for (const stack of [testStack('one'), testStack('two')]) {
      userPromptNamed(stack, 'A', 'Greeting');
      new DataAction(stack, 'Get1', {
        integration: integration(stack),
        name: 'Get',
        inputs: {},
        outputs: {},
        request: { urlTemplate: 'https://x', method: 'GET' },
      });
      new DataAction(stack, 'Get2', {
        integration: integration2(stack),
        name: 'Get',
        inputs: {},
        outputs: {},
        request: { urlTemplate: 'https://x', method: 'GET' },
      });
    }
  });
});

function userPromptNamed(stack: TerraformStack, id: string, name: string) {
  return new UserPrompt(stack, id, { name, resources: [{ language: 'en-us', tts: 'Hello' }] });
}
const integration2 = (stack: TerraformStack) => Integration.fromName(stack, 'Int2', 'Billing Data Actions');

describe('GC2021: an audio file over the platform limit (25 MB)', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'prompt-audio-'));
  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** A sparse file of `bytes` (no disk used, not read). */
  function sparse(name: string, bytes: number): string {
    const file = path.join(folder, name);
    fs.closeSync(fs.openSync(file, 'w'));
    fs.truncateSync(file, bytes);
    return file;
  }

  it('refuses a 2 GB file by its size, with a code (no RangeError from reading it)', () => {
    const file = sparse('huge.wav', 2 * 1024 ** 3);
    const stack = testStack();
    expect(problemsThrownBy(() => userPrompt(stack, { resources: [{ language: 'en-us', audioFile: file }] }))).toEqual([
      expect.objectContaining({
        code: 'GC2021',
        path: 'test-stack/X.resources[0].audioFile',
        value: file,
        message: expect.stringContaining('25 MB'),
      }),
    ]);
  });

  it('accepts a file of exactly 25 MiB, hashing it in chunks (sha256 of 25 MiB of zero bytes)', () => {
    const file = sparse('limit.wav', 25 * 1024 * 1024);
    const stack = testStack();
    userPrompt(stack, { resources: [{ language: 'en-us', audioFile: file }] });
    const prompt = Object.values(synthJson(stack).resource.genesyscloud_architect_user_prompt)[0];
    expect(prompt.resources[0].file_content_hash).toBe(
      require('crypto')
        .createHash('sha256')
        .update(Buffer.alloc(25 * 1024 * 1024))
        .digest('hex'),
    );
  });

  it('refuses a file one byte over the limit', () => {
    const file = sparse('over.wav', 25 * 1024 * 1024 + 1);
    expect(problemsThrownBy(() => userPrompt(testStack(), { resources: [{ language: 'en-us', audioFile: file }] }))).toEqual([
      expect.objectContaining({ code: 'GC2021' }),
    ]);
  });
});
