/**
 * One test per row of emulator/CONTRACT.md, named after the row's id: each sends what the row is
 * about (through the real SDK where the SDK can send it, raw HTTP where it cannot) and checks the
 * platform's answer. The last test keeps the table and the tests from drifting apart.
 */
import * as fs from 'fs';
import * as path from 'path';
import AdmZip from 'adm-zip';
import { parse } from 'yaml';
import * as platformClient from 'purecloud-platform-client-v2';
import { GenesysEmulator } from '../../emulator';
import { ArchitectOps } from '../../runtime/architect/architect-ops';
import { GenesysClient } from '../../runtime/genesys';
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, connect, startEmulator } from '../support/emulator';

type Answer = { status: number; body: any; headers: Record<string, string> };

const covered = new Set<string>();
/** A test of one CONTRACT.md row. */
function row(id: string, title: string, fn: () => Promise<void>): void {
  covered.add(id);
  it(`${id}: ${title}`, fn);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const basic = (id = TEST_CLIENT_ID, secret = TEST_CLIENT_SECRET) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

/** The SDK's rejection (extended responses: status, headers, body) of a call that must be refused. */
async function refused(call: () => Promise<unknown>): Promise<Answer> {
  try {
    await call();
  } catch (raw) {
    const r = raw as { status?: number; body?: unknown; headers?: Record<string, string> };
    if (typeof r.status !== 'number') throw raw;
    return { status: r.status, body: r.body, headers: r.headers ?? {} };
  }
  throw new Error('expected the platform to refuse the request');
}

/** The body of an SDK call that must succeed (extended responses). */
async function ok<T = any>(call: () => Promise<unknown>): Promise<T> {
  return ((await call()) as { body: T }).body;
}

function expectErrorBody(answer: Answer, status: number, code?: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({
    message: expect.any(String),
    code: code ?? expect.any(String),
    status,
    contextId: expect.any(String),
    details: [],
    errors: [],
  });
}

const moduleYaml = (name: string) => `commonModule:\n  name: ${name}\n  startUpTaskActions:\n    - endTask:\n        name: End\n`;
const callerYaml = (name: string, module: string) =>
  [
    'inboundCall:',
    `  name: ${name}`,
    '  startUpRef: /inboundCall/tasks/task[Main]',
    '  tasks:',
    '    - task:',
    '        name: Main',
    '        refId: Main',
    '        actions:',
    '          - callCommonModule:',
    '              name: Call',
    '              commonModule:',
    `                ${module}:`,
    '                  ver_latestPublished:',
    '                    inputs: {}',
    '                    outputs: {}',
    '          - disconnect:',
    '              name: Bye',
    '',
  ].join('\n');
const taskFlow = (name: string, tasks: Array<{ refId: string; ref?: string }>, startUpRef = `/inboundCall/tasks/task[${tasks[0].refId}]`) =>
  [
    'inboundCall:',
    `  name: ${name}`,
    `  startUpRef: "${startUpRef}"`,
    '  tasks:',
    ...tasks.flatMap((t, i) => [
      '    - task:',
      `        name: Task ${i}`,
      `        refId: "${t.refId}"`,
      '        actions:',
      ...(t.ref ? ['          - jumpToTask:', '              name: Jump', `              targetTaskRef: "${t.ref}"`] : []),
      '          - disconnect:',
      '              name: Bye',
    ]),
    '',
  ].join('\n');

describe('the emulator enforces the platform contract (emulator/CONTRACT.md)', () => {
  let emulator: GenesysEmulator;
  let client: GenesysClient;
  let token: string;
  const architect = () => client.apis.architect;
  const api = (p: string, init: RequestInit = {}) =>
    fetch(`${emulator.url}${p}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });
  const answer = async (res: Response): Promise<Answer> => {
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // plain text
    }
    return { status: res.status, body, headers: Object.fromEntries(res.headers.entries()) };
  };
  const login = (headers: Record<string, string>, body: string) =>
    fetch(`${emulator.url}/oauth/token`, { method: 'POST', headers: { ...FORM, ...headers }, body }).then(answer);

  /** Registers an import job, uploads as the provider does, polls to the end; returns every state seen. */
  async function importFlow(yaml: string): Promise<{ states: any[]; final: any }> {
    const job = await ok(() => architect().postFlowsJobs());
    const put = await fetch(job.presignedUrl, { method: 'PUT', headers: job.headers, body: yaml });
    expect(put.status).toBe(200);
    const states: any[] = [];
    for (;;) {
      const state = await ok(() => architect().getFlowsJob(job.id, { expand: ['messages'] }));
      states.push(state);
      if (state.status === 'Success' || state.status === 'Failure') return { states, final: state };
      await pause(5);
    }
  }
  async function importFails(yaml: string, text: RegExp): Promise<void> {
    const { final } = await importFlow(yaml);
    expect(final.status).toBe('Failure');
    expect(final.messages.map((m: any) => m.type)).toEqual(final.messages.map(() => 'Error'));
    expect(final.messages.map((m: any) => m.text).join(' | ')).toMatch(text);
    expect(() => emulator.seedFlow(yaml)).toThrow(text);
  }
  async function exportJob(flows: unknown[]): Promise<any> {
    const job = await ok(() => architect().postFlowsExportJobs({ flows } as any));
    for (;;) {
      const state = await ok(() => architect().getFlowsExportJob(job.id, { expand: ['messages'] }));
      if (state.status !== 'Started') return { registration: job, state };
      await pause(5);
    }
  }
  const ivr = (body: object) => ok(() => architect().postArchitectIvrs(body as platformClient.Models.IVR));

  beforeAll(async () => {
    emulator = await startEmulator({ rateLimitPerMinute: 100_000, jobDurationMs: 5 });
    client = await connect(emulator);
    token = (await login({ Authorization: basic() }, 'grant_type=client_credentials')).body.access_token;
  });
  afterAll(() => emulator.stop());

  describe('OAuth and organization', () => {
    row('AUTH-1', 'a token request without Basic client authentication, or with an unknown client, is 401 invalid_client', async () => {
      for (const headers of [{}, { Authorization: basic(TEST_CLIENT_ID, 'wrong-secret') }, { Authorization: `Bearer ${token}` }]) {
        const res = await login(headers, 'grant_type=client_credentials');
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
      }
      await expect(
        GenesysClient.connect({
          clientId: TEST_CLIENT_ID,
          clientSecret: 'wrong',
          region: 'us-east-1',
          gateway: { host: '127.0.0.1', port: emulator.port, protocol: 'http' },
        }),
      ).rejects.toMatchObject({ code: 'GC4005', status: 401 });
      client = await connect(emulator);
      // The auth scheme is a case-insensitive token (RFC 7235 §2.1), followed by one or more spaces.
      for (const scheme of ['basic ', 'BASIC ', 'bAsIc  ']) {
        const res = await login({ Authorization: basic().replace('Basic ', scheme) }, 'grant_type=client_credentials');
        expect(res.status).toBe(200);
        expect(res.body.access_token).toEqual(expect.stringMatching(/\S/));
      }
      expect((await login({ Authorization: basic().replace('Basic ', 'Basic') }, 'grant_type=client_credentials')).status).toBe(401);
    });

    row('AUTH-2', 'a token request without grant_type is 400 invalid_request', async () => {
      for (const body of ['', 'scope=architect']) {
        const res = await login({ Authorization: basic() }, body);
        expect(res.status).toBe(400);
        expect(res.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
      }
    });

    row('AUTH-3', 'a grant other than client_credentials is 400 unsupported_grant_type', async () => {
      const res = await login({ Authorization: basic() }, 'grant_type=password&username=a&password=b');
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: 'unsupported_grant_type', error_description: expect.any(String) });
    });

    row(
      'AUTH-4',
      'the token reply carries access_token, token_type and an expires_in well above 60; a shorter lifetime is refused at start',
      async () => {
        const res = await login({ Authorization: basic() }, 'grant_type=client_credentials');
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ access_token: expect.stringMatching(/\S/), token_type: 'bearer', expires_in: 86400 });
        expect(() => new GenesysEmulator({ tokenTtlSeconds: 60 })).toThrow(/above 60/);
        expect(new GenesysEmulator({ tokenTtlSeconds: 61 })).toBeInstanceOf(GenesysEmulator);
      },
    );

    row('AUTH-5', 'an API call without a valid bearer token is 401 bad.credentials', async () => {
      for (const headers of [{}, { Authorization: 'Bearer not-a-token' }, { Authorization: basic() }, { Authorization: `Bearer${token}` }]) {
        expectErrorBody(await fetch(`${emulator.url}/api/v2/flows`, { headers }).then(answer), 401, 'bad.credentials');
      }
      // The auth scheme is a case-insensitive token (RFC 7235 §2.1), followed by one or more spaces.
      for (const scheme of ['bearer', 'BEARER', 'BeArEr ']) {
        expect((await fetch(`${emulator.url}/api/v2/flows`, { headers: { Authorization: `${scheme} ${token}` } })).status).toBe(200);
      }
      const own = await startEmulator();
      try {
        const t = (
          await fetch(`${own.url}/oauth/token`, {
            method: 'POST',
            headers: { ...FORM, Authorization: basic() },
            body: 'grant_type=client_credentials',
          }).then(answer)
        ).body.access_token;
        await fetch(`${own.url}/__admin/tokens/expire`, { method: 'POST' });
        expectErrorBody(await fetch(`${own.url}/api/v2/flows`, { headers: { Authorization: `Bearer ${t}` } }).then(answer), 401, 'bad.credentials');
      } finally {
        await own.stop();
      }
    });

    row('ORG-1', 'organizations/me carries defaultCountryCode', async () => {
      const org = await ok(() => client.apis.organization.getOrganizationsMe());
      expect(org).toMatchObject({ id: expect.any(String), name: expect.any(String), defaultCountryCode: expect.stringMatching(/^[A-Z]{2}$/) });
    });

    row('ORG-2', 'authorization/products carries total and entities[].id', async () => {
      const products = await ok(() => new platformClient.AuthorizationApi().getAuthorizationProducts());
      expect(products.total).toBe(products.entities.length);
      expect(products.entities.length).toBeGreaterThan(0);
      products.entities.forEach((p: any) => expect(p.id).toEqual(expect.any(String)));
    });
  });

  describe('paging and flows', () => {
    row('PAGE-1', 'pageNumber and pageSize must be positive integers on every listing', async () => {
      expectErrorBody(await refused(() => architect().getFlows({ pageSize: 0 })), 400, 'bad.request');
      expectErrorBody(await refused(() => architect().getFlows({ pageNumber: -1 })), 400, 'bad.request');
      expectErrorBody(await refused(() => architect().getFlows({ pageSize: 2.5 })), 400, 'bad.request');
      expectErrorBody(await api('/api/v2/flows?pageSize=abc').then(answer), 400, 'bad.request');
      expectErrorBody(await refused(() => architect().getArchitectIvrs({ pageNumber: 0 })), 400, 'bad.request');
      expectErrorBody(
        await refused(() => architect().getArchitectDependencytrackingConsumingresources('x', 'COMMONMODULEFLOW', { pageSize: -5 })),
        400,
        'bad.request',
      );
      const flow = emulator.seedFlow(moduleYaml('Paged Versions'));
      expectErrorBody(await refused(() => architect().getFlowVersions(flow.id, { pageSize: 0 })), 400, 'bad.request');
      // A page size above what the provider asks is not refused (no maximum is documented).
      expect((await ok(() => architect().getFlows({ pageSize: 10_000 }))).pageSize).toBe(10_000);
    });

    row('PAGE-2', 'listings carry the paging fields; a page past the end is an empty 200', async () => {
      [1, 2, 3].forEach((i) => emulator.seedFlow(moduleYaml(`Paging Module ${i}`)));
      const first = await ok(() => architect().getFlows({ name: 'Paging Module', pageSize: 2, pageNumber: 1 }));
      expect(first).toMatchObject({
        pageSize: 2,
        pageNumber: 1,
        total: 3,
        pageCount: 2,
        firstUri: expect.any(String),
        selfUri: expect.any(String),
        lastUri: expect.any(String),
        nextUri: expect.any(String),
      });
      expect(first.entities).toHaveLength(2);
      const last = await ok(() => architect().getFlows({ name: 'Paging Module', pageSize: 2, pageNumber: 2 }));
      expect(last.entities).toHaveLength(1);
      expect(last.previousUri).toEqual(expect.any(String));
      const past = await ok(() => architect().getFlows({ name: 'Paging Module', pageSize: 2, pageNumber: 3 }));
      expect(past).toMatchObject({ entities: [], total: 3, pageCount: 2, pageNumber: 3 });
      const ivrs = await ok(() => architect().getArchitectIvrs({ pageSize: 100 }));
      expect(ivrs).toMatchObject({
        entities: expect.any(Array),
        total: expect.any(Number),
        totalNumberOfEntities: expect.any(Number),
        pageCount: expect.any(Number),
      });
    });

    row('FLOWS-1', 'a flow type outside the documented list is 400', async () => {
      for (const type of [['callflow'], ['inboundcall', 'CommonModules'], ['']]) {
        const answer = await refused(() => architect().getFlows({ type }));
        expectErrorBody(answer, 400, 'bad.request');
        expect(answer.body.message).toContain("'type'");
      }
      expectErrorBody(await api('/api/v2/flows?type=inboundcall&type=shared').then(answer), 400, 'bad.request');
      expect((await ok(() => architect().getFlows({ type: ['inboundcall', 'commonmodule'] }))).entities).toEqual(expect.any(Array));
    });

    row('FLOWS-2', 'with id, only those flows are listed and the other filters are ignored', async () => {
      const a = emulator.seedFlow(moduleYaml('By Id A'));
      emulator.seedFlow(moduleYaml('By Id B'));
      const listing = await ok(() => architect().getFlows({ id: [a.id], type: ['inboundcall'], name: 'nothing like it' }));
      expect(listing.entities.map((f: any) => f.name)).toEqual(['By Id A']);
    });

    row('FLOWS-3', 'flows carry id, name and type; an unknown flow or version is 404', async () => {
      const seeded = emulator.seedFlow(moduleYaml('Readable'));
      expect(await ok(() => architect().getFlow(seeded.id))).toMatchObject({ id: seeded.id, name: 'Readable', type: 'COMMONMODULE' });
      const listed = await ok(() => architect().getFlows({ name: 'Readable' }));
      listed.entities.forEach((f: any) => expect(f).toMatchObject({ id: expect.any(String), name: expect.any(String), type: expect.any(String) }));
      expectErrorBody(await refused(() => architect().getFlow('00000000-0000-0000-0000-000000000000')), 404, 'not.found');
      expectErrorBody(await refused(() => architect().getFlowVersion(seeded.id, '9.0')), 404, 'not.found');
    });

    row('FLOWS-4', 'a module that published flows call cannot be deleted (409); an unknown flow is 404', async () => {
      const module = emulator.seedFlow(moduleYaml('Guarded Module'));
      const caller = emulator.seedFlow(callerYaml('Guarded Caller', 'Guarded Module'));
      expectErrorBody(await refused(() => architect().deleteFlow(module.id)), 409, 'flow.in.use');
      expectErrorBody(await refused(() => architect().deleteFlow('00000000-0000-0000-0000-000000000001')), 404, 'not.found');
      expect(((await architect().deleteFlow(caller.id)) as any).status).toBe(204);
      expect(((await architect().deleteFlow(module.id)) as any).status).toBe(204);
    });
  });

  describe('import jobs', () => {
    row('IMPORT-1', 'a registration answers id, presignedUrl, headers and selfUri; the job is Registered until the upload', async () => {
      const job = await ok(() => architect().postFlowsJobs());
      expect(job).toEqual({
        id: expect.any(String),
        presignedUrl: expect.stringMatching(/^http/),
        headers: expect.any(Object),
        selfUri: `/api/v2/flows/jobs/${job.id}`,
      });
      expect((await ok(() => architect().getFlowsJob(job.id))).status).toBe('Registered');
    });

    row('IMPORT-2', 'an upload with another method than PUT is refused', async () => {
      const job = await ok(() => architect().postFlowsJobs());
      for (const method of ['POST', 'GET']) {
        const res = await fetch(job.presignedUrl, { method, headers: job.headers, body: method === 'GET' ? undefined : moduleYaml('Posted') });
        expect(res.status).toBe(403);
      }
      expect((await ok(() => architect().getFlowsJob(job.id))).status).toBe('Registered');
    });

    row('IMPORT-3', 'an upload carrying the bearer token is refused', async () => {
      const job = await ok(() => architect().postFlowsJobs());
      const res = await fetch(job.presignedUrl, {
        method: 'PUT',
        headers: { ...job.headers, Authorization: `Bearer ${token}` },
        body: moduleYaml('With Token'),
      });
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/Only one auth mechanism allowed/);
    });

    row('IMPORT-4', 'an upload without the headers the registration returned is refused', async () => {
      const job = await ok(() => architect().postFlowsJobs());
      expect(Object.keys(job.headers).length).toBeGreaterThan(0);
      // fetch labels a string body text/plain: not the Content-Type the registration asked for.
      const res = await fetch(job.presignedUrl, { method: 'PUT', body: moduleYaml('No Headers') });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain(Object.keys(job.headers)[0]);
    });

    row('IMPORT-5', 'an accepted upload answers exactly 200 and starts the job', async () => {
      const job = await ok(() => architect().postFlowsJobs());
      const res = await fetch(job.presignedUrl, { method: 'PUT', headers: job.headers, body: moduleYaml('Uploaded') });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('');
      expect(['Started', 'Success']).toContain((await ok(() => architect().getFlowsJob(job.id))).status);
    });

    row('IMPORT-6', 'job states use the documented status, command and message type values', async () => {
      const good = await importFlow(moduleYaml('Enum Module'));
      const bad = await importFlow('inboundCall: [not, a, flow]\n');
      for (const state of [...good.states, ...bad.states]) {
        expect(['Registered', 'Started', 'Success', 'Failure']).toContain(state.status);
        expect(['Publish', 'Create', 'Update', 'Export']).toContain(state.command);
        (state.messages ?? []).forEach((m: any) => expect(['Error', 'Warning']).toContain(m.type));
      }
      expect(good.final.messages).toEqual([]);
      expect(bad.final.messages.length).toBeGreaterThan(0);
    });

    row('IMPORT-7', 'a Success carries flow.id; a Failure carries messages with text', async () => {
      const { final } = await importFlow(moduleYaml('Flow Id Module'));
      expect(final.status).toBe('Success');
      const listed = await ok(() => architect().getFlows({ name: 'Flow Id Module', type: ['commonmodule'] }));
      expect(final.flow.id).toBe(listed.entities[0].id);
      const failed = await importFlow('commonModule:\n  description: no name\n');
      expect(failed.final.status).toBe('Failure');
      expect(failed.final.flow).toBeUndefined();
      expect(failed.final.messages[0]).toMatchObject({ type: 'Error', text: expect.stringMatching(/no name/) });
    });

    row('IMPORT-8', 'expand takes only messages on both job status endpoints', async () => {
      const job = await ok(() => architect().postFlowsJobs());
      expectErrorBody(await refused(() => architect().getFlowsJob(job.id, { expand: ['flow'] as any })), 400, 'bad.request');
      const flow = emulator.seedFlow(moduleYaml('Expand Export'));
      const exportJob = await ok(() => architect().postFlowsExportJobs({ flows: [{ flow: { id: flow.id } }] }));
      expectErrorBody(await refused(() => architect().getFlowsExportJob(exportJob.id, { expand: ['everything'] as any })), 400, 'bad.request');
    });
  });

  describe('the import check (Archy)', () => {
    row('ARCHY-1', 'a file without exactly one flow-type key fails the job', async () => {
      await importFails('name: Loose\ntasks: []\n', /flow type key/);
      await importFails('sharedFlow:\n  name: Unknown Kind\n', /flow type key/);
      await importFails(`${moduleYaml('Two Roots')}inboundCall:\n  name: Second\n`, /flow type key/);
    });

    row('ARCHY-2', 'a flow without a name fails the job', async () => {
      await importFails('commonModule:\n  startUpTaskActions: []\n', /has no name/);
      await importFails('commonModule:\n  name: "  "\n', /has no name/);
    });

    row('ARCHY-3', 'a refId used twice in one list fails the job', async () => {
      await importFails(taskFlow('Twice', [{ refId: 'Main' }, { refId: 'Main' }]), /refId 'Main' is used by more than one task/);
    });

    row('ARCHY-4', 'a refId with [ ] # ~ or / fails the job', async () => {
      for (const refId of ['Main/1', 'Main#1', 'Main~1', 'Main[1]']) {
        await importFails(
          taskFlow(`Bad Ref ${refId}`, [{ refId }], '/inboundCall/tasks/task[Other]'),
          /contains a character a refId may not contain/,
        );
      }
    });

    row('ARCHY-5', 'a *Ref string that does not resolve fails the job', async () => {
      await importFails(taskFlow('Dangling Start', [{ refId: 'Main' }], '/inboundCall/tasks/task[Nope]'), /startUpRef .* does not resolve/);
      await importFails(taskFlow('Dangling Jump', [{ refId: 'Main', ref: '/inboundCall/tasks/task[Gone]' }]), /targetTaskRef .* does not resolve/);
      await importFails(taskFlow('Other Root', [{ refId: 'Main' }], '/commonModule/tasks/task[Main]'), /startUpRef .* does not resolve/);
      await importFails(taskFlow('Menu Not Task', [{ refId: 'Main' }], '/inboundCall/menus/menu[Main]'), /does not resolve/);
      // Both reference forms resolve.
      expect((await importFlow(taskFlow('Relative Start', [{ refId: 'Main', ref: './tasks/task[Main]' }], './tasks/task[Main]'))).final.status).toBe(
        'Success',
      );
    });

    row('ARCHY-6', 'a {{placeholder}} left in the file fails the job', async () => {
      await importFails(moduleYaml('"{{flow_name}}"'), /Unresolved substitution placeholder/);
    });

    row('ARCHY-7', 'a common module calling another module fails the job', async () => {
      emulator.seedFlow(moduleYaml('Inner Module'));
      const nested = moduleYaml('Outer Module').replace(
        '    - endTask:',
        '    - callCommonModule:\n        name: Call\n        commonModule:\n          Inner Module:\n            ver_latestPublished: {}\n    - endTask:',
      );
      await importFails(nested, /cannot call another common module/);
    });

    row('ARCHY-8', 'a caller of a module that does not exist or is not published fails the job', async () => {
      const { final } = await importFlow(callerYaml('Orphan Caller', 'Nowhere Module'));
      expect(final.status).toBe('Failure');
      expect(final.messages[0]).toMatchObject({ type: 'Error', text: "Could not find the common module 'Nowhere Module' called by the flow." });
    });

    row('ARCHY-9', 'importing a flow locked by someone else fails the job, naming the holder', async () => {
      const flow = emulator.seedFlow(moduleYaml('Locked Import'));
      await fetch(`${emulator.url}/__admin/flows/${flow.id}/lock`, {
        method: 'POST',
        body: JSON.stringify({ actor: { kind: 'user', id: 'u-1', name: 'Dana Designer' } }),
      });
      const { final } = await importFlow(moduleYaml('Locked Import'));
      expect(final.status).toBe('Failure');
      expect(final.messages[0].text).toContain('locked by user Dana Designer');
    });
  });

  describe('export jobs', () => {
    row('EXPORT-1', 'flows is required and must not be empty', async () => {
      expectErrorBody(await refused(() => architect().postFlowsExportJobs({ flows: [] })), 400, 'bad.request');
      expectErrorBody(await refused(() => architect().postFlowsExportJobs({} as any)), 400, 'bad.request');
      expectErrorBody(await refused(() => architect().postFlowsExportJobs({ flows: 'all' } as any)), 400, 'bad.request');
    });

    row('EXPORT-2', 'every entry needs flow', async () => {
      const answer = await refused(() => architect().postFlowsExportJobs({ flows: [{ fileName: 'orphan' } as any] }));
      expectErrorBody(answer, 400, 'bad.request');
      expect(answer.body.message).toContain('flows[0].flow is required');
    });

    row('EXPORT-3', 'flow needs an id, or both name and type', async () => {
      for (const flow of [{}, { name: 'Only Name' }, { type: 'COMMONMODULE' }, { version: '1.0' }]) {
        expectErrorBody(await refused(() => architect().postFlowsExportJobs({ flows: [{ flow }] })), 400, 'bad.request');
      }
      emulator.seedFlow(moduleYaml('Export By Name'));
      const { state } = await exportJob([{ flow: { name: 'Export By Name', type: 'COMMONMODULE' } }]);
      expect(state.status).toBe('Success');
    });

    row('EXPORT-4', 'fileName takes only letters, digits, _ and -', async () => {
      const flow = emulator.seedFlow(moduleYaml('File Named'));
      for (const fileName of ['flow.yaml', 'a b', 'x/y', '', 'ä']) {
        const answer = await refused(() => architect().postFlowsExportJobs({ flows: [{ flow: { id: flow.id }, fileName }] }));
        expectErrorBody(answer, 400, 'bad.request');
        expect(answer.body.message).toContain('alphanumeric characters, underscores, or hyphens');
      }
      expect((await exportJob([{ flow: { id: flow.id }, fileName: 'Ok_name-1' }])).state.status).toBe('Success');
    });

    row('EXPORT-5', 'exportType is Architect or Yaml', async () => {
      const flow = emulator.seedFlow(moduleYaml('Typed Export'));
      expectErrorBody(
        await refused(() => architect().postFlowsExportJobs({ flows: [{ flow: { id: flow.id }, exportType: 'Json' as any }] })),
        400,
        'bad.request',
      );
      expectErrorBody(
        await refused(() => architect().postFlowsExportJobs({ flows: [{ flow: { id: flow.id }, exportType: 'yml' as any }] })),
        400,
        'bad.request',
      );
      for (const exportType of ['Yaml', 'Architect'] as const)
        expect((await exportJob([{ flow: { id: flow.id }, exportType }])).state.status).toBe('Success');
    });

    row('EXPORT-6', 'an unknown flow or version fails the job with "could not find the flow with id"', async () => {
      const flow = emulator.seedFlow(moduleYaml('Versioned Export'));
      const unknown = await exportJob([{ flow: { id: '00000000-0000-0000-0000-000000000002' } }]);
      expect(unknown.registration).toMatchObject({ id: expect.any(String), totalFlows: 1 });
      expect(unknown.state.status).toBe('Failure');
      expect(unknown.state.messages[0]).toMatchObject({
        type: 'Error',
        text: expect.stringContaining('could not find the flow with id 00000000-0000-0000-0000-000000000002'),
      });
      const badVersion = await exportJob([{ flow: { id: flow.id, version: '7.0' } }]);
      expect(badVersion.state.status).toBe('Failure');
      expect(badVersion.state.messages[0].text).toContain(`could not find the flow with id ${flow.id}`);
    });

    row('EXPORT-7', 'a poll answers Started, then Success with downloadUrl or Failure, never Registered', async () => {
      const flow = emulator.seedFlow(moduleYaml('Polled Export'));
      const job = await ok(() => architect().postFlowsExportJobs({ flows: [{ flow: { id: flow.id, version: flow.publishedVersionId } }] }));
      const seen: string[] = [];
      for (;;) {
        const state = await ok(() => architect().getFlowsExportJob(job.id, { expand: ['messages'] }));
        seen.push(state.status);
        expect(state.command).toBe('Export');
        if (state.status === 'Success') expect(state.downloadUrl).toMatch(/^http/);
        else expect(state.downloadUrl).toBeUndefined();
        if (state.status !== 'Started') break;
      }
      expect(seen.every((s) => s === 'Started' || s === 'Success')).toBe(true);
      expect(seen[seen.length - 1]).toBe('Success');
      emulator.faults.add({ kind: 'failExport', count: 1, message: 'Export service unavailable' });
      expect((await exportJob([{ flow: { id: flow.id } }])).state).toMatchObject({
        status: 'Failure',
        messages: [{ type: 'Error', text: 'Export service unavailable' }],
      });
    });

    row('EXPORT-8', 'several flows download as one zip of <fileName>.yaml files; one flow as the YAML file', async () => {
      const flows = [1, 2].map((i) => emulator.seedFlow(moduleYaml(`Zipped Module ${i}`)));
      const many = await exportJob(flows.map((f, i) => ({ flow: { id: f.id }, fileName: `file_${i}` })));
      const zip = new AdmZip(Buffer.from(await (await fetch(many.state.downloadUrl)).arrayBuffer()));
      expect(
        zip
          .getEntries()
          .map((e) => e.entryName)
          .sort(),
      ).toEqual(['file_0.yaml', 'file_1.yaml']);
      expect(zip.getEntry('file_1.yaml')!.getData().toString('utf8')).toContain('Zipped Module 2');
      const one = await exportJob([{ flow: { id: flows[0].id }, fileName: 'single' }]);
      const res = await fetch(one.state.downloadUrl);
      expect(res.headers.get('content-disposition')).toContain('single.yaml');
      expect(await res.text()).toContain('commonModule:');
    });

    row('EXPORT-9', 'the download URL takes a plain GET without the bearer token', async () => {
      const flow = emulator.seedFlow(moduleYaml('Downloaded'));
      const { state } = await exportJob([{ flow: { id: flow.id } }]);
      expect((await fetch(state.downloadUrl, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(400);
      expect((await fetch(state.downloadUrl, { method: 'POST' })).status).toBe(403);
      expect((await fetch(state.downloadUrl)).status).toBe(200);
    });
  });

  describe('what an export contains', () => {
    const ivrYaml = `inboundCall:
  name: Regenerated IVR
  initialGreeting:
    tts: Hello.
  startUpRef: ./menus/menu[main]
  variables:
    - stringVariable:
        name: Flow.zeta
        initialValue:
          noValue: true
    - stringVariable:
        name: Flow.Alpha
        initialValue:
          noValue: true
  menus:
    - menu:
        name: Main Menu
        refId: main
        audio:
          tts: Press 1.
        choices:
          - menuJumpToTask:
              name: Go
              dtmf: digit_1
              targetTaskRef: /inboundCall/tasks/task[work]
          - menuTask:
              name: Inline
              dtmf: digit_2
              task:
                name: Inline
                refId: inline
                actions:
                  - disconnect:
                      name: Bye inline
  tasks:
    - task:
        name: Work
        refId: work
        actions:
          - transferToAcd:
              name: To queue
              targetQueue:
                lit:
                  name: Q
          - jumpToMenu:
              name: Back
              targetMenuRef: ./menus/menu[main]
`;
    const exported = async () => {
      const flow = emulator.seedFlow(ivrYaml);
      const { state } = await exportJob([{ flow: { id: flow.id }, fileName: 'regenerated' }]);
      return parse(await (await fetch(state.downloadUrl)).text()).inboundCall;
    };

    row('EXPORT-10', 'menus and tasks carry platform refIds <name>_<n>, and every reference points at them', async () => {
      const flow = await exported();
      expect(flow.menus[0].menu.refId).toBe('Main Menu_10');
      expect(flow.tasks[0].task.refId).toBe('Work_12');
      expect(flow.startUpRef).toBe('/inboundCall/menus/menu[Main Menu_10]');
      expect(flow.menus[0].menu.choices[0].menuJumpToTask.targetTaskRef).toBe('/inboundCall/tasks/task[Work_12]');
      expect(flow.tasks[0].task.actions[1].jumpToMenu.targetMenuRef).toBe('/inboundCall/menus/menu[Main Menu_10]');
    });

    row('EXPORT-11', 'variables are listed sorted by name, case-insensitively', async () => {
      expect((await exported()).variables.map((v: any) => v.stringVariable.name)).toEqual(['Flow.Alpha', 'Flow.zeta']);
    });

    row('EXPORT-12', 'settings and defaults nobody wrote are added', async () => {
      const flow = await exported();
      expect(Object.keys(flow)).toEqual([
        'name',
        'startUpRef',
        'initialGreeting',
        'variables',
        'settingsActionDefaults',
        'settingsErrorHandling',
        'settingsMenu',
        'settingsPrompts',
        'settingsSpeechRec',
        'menus',
        'tasks',
      ]);
      expect(flow.menus[0].menu.settingsMenu.repeatCount).toEqual({ noValue: true });
      expect(flow.menus[0].menu.choices[0].menuJumpToTask).toMatchObject({ globalDtmf: false, globalSpeechRecTerms: false });
      expect(flow.tasks[0].task.actions[0].transferToAcd).toMatchObject({
        preferredAgents: { noValue: true },
        failureOutputs: { errorType: { noValue: true }, errorMessage: { noValue: true } },
      });
      const module = emulator.seedFlow(moduleYaml('Regenerated Module'));
      const { state } = await exportJob([{ flow: { id: module.id } }]);
      expect(Object.keys(parse(await (await fetch(state.downloadUrl)).text()).commonModule)).toEqual(['name', 'startUpTaskActions']);
    });

    row('EXPORT-13', "a menu choice's inline task is exported with its actions only", async () => {
      expect((await exported()).menus[0].menu.choices[1].menuTask.task).toEqual({ actions: [{ disconnect: { name: 'Bye inline' } }] });
    });
  });

  describe('publish and unlock', () => {
    row('ACTION-1', 'publish needs the flow query parameter; a body does not count', async () => {
      const flow = emulator.seedFlow(moduleYaml('Publish Param'));
      expectErrorBody(await refused(() => architect().postFlowsActionsPublish('')), 400, 'bad.request');
      const viaBody = await api('/api/v2/flows/actions/publish', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ flow: flow.id, id: flow.id }),
      }).then(answer);
      expectErrorBody(viaBody, 400, 'bad.request');
      expect(viaBody.body.message).toContain("'flow'");
    });

    row('ACTION-2', 'unlock needs the flow query parameter', async () => {
      const flow = emulator.seedFlow(moduleYaml('Unlock Param'));
      expectErrorBody(await refused(() => architect().postFlowsActionsUnlock('')), 400, 'bad.request');
      expectErrorBody(
        await api('/api/v2/flows/actions/unlock', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ flow: flow.id }),
        }).then(answer),
        400,
        'bad.request',
      );
    });

    row('ACTION-3', 'publish answers an Operation, unlock the Flow; an unknown flow is 404', async () => {
      const flow = emulator.seedFlow(moduleYaml('Republished'));
      const operation = await ok(() => architect().postFlowsActionsPublish(flow.id));
      expect(operation).toMatchObject({
        id: expect.any(String),
        complete: true,
        actionName: 'PUBLISH',
        actionStatus: 'SUCCESS',
        client: { id: TEST_CLIENT_ID },
      });
      expect(operation.errorMessage).toBeUndefined();
      expect(emulator.org.flows.get(flow.id)!.publishedVersionId).toBe('2.0');
      expect(await ok(() => architect().postFlowsActionsUnlock(flow.id))).toMatchObject({ id: flow.id, name: 'Republished', type: 'COMMONMODULE' });
      expectErrorBody(await refused(() => architect().postFlowsActionsPublish('00000000-0000-0000-0000-000000000003')), 404, 'not.found');
      expectErrorBody(await refused(() => architect().postFlowsActionsUnlock('00000000-0000-0000-0000-000000000003')), 404, 'not.found');
    });

    row('ACTION-4', 'publishing a flow locked by someone else is 409 flow.locked', async () => {
      const flow = emulator.seedFlow(moduleYaml('Locked Publish'));
      await fetch(`${emulator.url}/__admin/flows/${flow.id}/lock`, {
        method: 'POST',
        body: JSON.stringify({ actor: { kind: 'user', id: 'u-2', name: 'Sam Supervisor' } }),
      });
      const answer = await refused(() => architect().postFlowsActionsPublish(flow.id));
      expectErrorBody(answer, 409, 'flow.locked');
      expect(answer.body.message).toContain('Sam Supervisor');
    });

    row('ACTION-5', 'a publish an import job would refuse (module gone, placeholder left) fails in the Operation and publishes nothing', async () => {
      // A caller published while its module did not exist yet binds nothing; the module is gone again at the republish.
      const caller = emulator.seedFlow(callerYaml('Orphaned Republish', 'Vanished Module'));
      const failed = await ok(() => architect().postFlowsActionsPublish(caller.id));
      expect(failed).toMatchObject({ complete: true, actionName: 'PUBLISH', actionStatus: 'FAILURE', client: { id: TEST_CLIENT_ID } });
      expect(failed.errorMessage).toContain("Could not find the common module 'Vanished Module' called by the flow.");
      expect(emulator.org.flows.get(caller.id)!.publishedVersionId).toBe('1.0');
      // The runtime reads errorMessage and stops.
      await expect(new ArchitectOps(client).publish(caller.id)).rejects.toMatchObject({ code: 'GC4003' });
      // Once the module is published, the same republish binds it.
      emulator.seedFlow(moduleYaml('Vanished Module'));
      expect(await ok(() => architect().postFlowsActionsPublish(caller.id))).toMatchObject({ actionStatus: 'SUCCESS' });
      expect(emulator.org.published(emulator.org.flows.get(caller.id)!)!.boundModules).toEqual({ 'Vanished Module': '1.0' });
      // A saved draft that fails the file checks (ARCHY-6 here) is not published either.
      const drafted = emulator.seedFlow(moduleYaml('Drafted Module'));
      await fetch(`${emulator.url}/__admin/flows/${drafted.id}/draft`, {
        method: 'POST',
        body: JSON.stringify({ yaml: moduleYaml('"{{flow_name}}"') }),
      });
      await fetch(`${emulator.url}/__admin/flows/${drafted.id}/unlock`, { method: 'POST' });
      const draft = await ok(() => architect().postFlowsActionsPublish(drafted.id));
      expect(draft).toMatchObject({ actionStatus: 'FAILURE', errorMessage: expect.stringContaining('Unresolved substitution placeholder') });
      expect(emulator.org.flows.get(drafted.id)!.publishedVersionId).toBe('1.0');
    });
  });

  describe('dependency tracking', () => {
    row('DEPS-1', 'consumingresources needs id and objectType', async () => {
      expectErrorBody(await refused(() => architect().getArchitectDependencytrackingConsumingresources('', 'COMMONMODULEFLOW')), 400, 'bad.request');
      expectErrorBody(await refused(() => architect().getArchitectDependencytrackingConsumingresources('x', '')), 400, 'bad.request');
      expectErrorBody(await api('/api/v2/architect/dependencytracking/consumingresources?id=x').then(answer), 400, 'bad.request');
    });

    row('DEPS-2', 'objectType and resourceType take the documented object types', async () => {
      const module = emulator.seedFlow(moduleYaml('Tracked Module'));
      const caller = emulator.seedFlow(callerYaml('Tracked Caller', 'Tracked Module'));
      for (const objectType of ['COMMONMODULE', 'commonmodule', 'FLOW']) {
        expectErrorBody(await refused(() => architect().getArchitectDependencytrackingConsumingresources(module.id, objectType)), 400, 'bad.request');
      }
      expectErrorBody(
        await refused(() =>
          architect().getArchitectDependencytrackingConsumingresources(module.id, 'COMMONMODULEFLOW', { resourceType: ['INBOUNDCALL'] }),
        ),
        400,
        'bad.request',
      );
      expectErrorBody(
        await refused(() => architect().getArchitectDependencytrackingConsumedresources(caller.id, '1.0', 'INBOUNDCALL')),
        400,
        'bad.request',
      );
      const consumers = await ok(() =>
        architect().getArchitectDependencytrackingConsumingresources(module.id, 'COMMONMODULEFLOW', { resourceType: ['INBOUNDCALLFLOW'] }),
      );
      expect(consumers.entities).toEqual([{ id: caller.id, name: 'Tracked Caller', type: 'INBOUNDCALLFLOW', version: '1.0', deleted: false }]);
      const consumed = await ok(() => architect().getArchitectDependencytrackingConsumedresources(caller.id, '1.0', 'INBOUNDCALLFLOW'));
      expect(consumed.entities).toEqual([{ id: module.id, name: 'Tracked Module', type: 'COMMONMODULEFLOW', version: '1.0', deleted: false }]);
    });

    row('DEPS-3', 'flowFilter is checkedIn or published', async () => {
      const module = emulator.seedFlow(moduleYaml('Filtered Module'));
      for (const flowFilter of ['all', 'publish', 'checked_in']) {
        expectErrorBody(
          await refused(() => architect().getArchitectDependencytrackingConsumingresources(module.id, 'COMMONMODULEFLOW', { flowFilter })),
          400,
          'bad.request',
        );
      }
      for (const flowFilter of ['checkedIn', 'published']) {
        expect(
          (await ok(() => architect().getArchitectDependencytrackingConsumingresources(module.id, 'COMMONMODULEFLOW', { flowFilter }))).entities,
        ).toEqual([]);
      }
    });

    row('DEPS-4', 'consumedresources needs id, version and objectType', async () => {
      const caller = emulator.seedFlow(callerYaml('Consuming Caller', 'Tracked Module'));
      expectErrorBody(
        await refused(() => architect().getArchitectDependencytrackingConsumedresources(caller.id, '', 'INBOUNDCALLFLOW')),
        400,
        'bad.request',
      );
      expectErrorBody(
        await refused(() => architect().getArchitectDependencytrackingConsumedresources('', '1.0', 'INBOUNDCALLFLOW')),
        400,
        'bad.request',
      );
      expectErrorBody(
        await api(`/api/v2/architect/dependencytracking/consumedresources?id=${caller.id}&objectType=INBOUNDCALLFLOW`).then(answer),
        400,
        'bad.request',
      );
      expectErrorBody(
        await api(`/api/v2/architect/dependencytracking/consumedresources?id=${caller.id}&version=1.0`).then(answer),
        400,
        'bad.request',
      );
    });
  });

  describe('IVRs', () => {
    row('IVR-1', 'an IVR needs a name, on create and on update', async () => {
      expectErrorBody(
        await refused(() => architect().postArchitectIvrs({ dnis: ['+13175550901'] } as platformClient.Models.IVR)),
        400,
        'bad.request',
      );
      expectErrorBody(await refused(() => architect().postArchitectIvrs({ name: ' ' })), 400, 'bad.request');
      const created = await ivr({ name: 'Named IVR' });
      expectErrorBody(
        await refused(() => architect().putArchitectIvr(created.id, { version: created.version } as platformClient.Models.IVR)),
        400,
        'bad.request',
      );
    });

    row('IVR-2', 'a DNIS listed twice in one IVR is 400', async () => {
      const answer = await refused(() => architect().postArchitectIvrs({ name: 'Twice IVR', dnis: ['+13175550902', '+13175550902'] }));
      expectErrorBody(answer, 400, 'bad.request');
      expect(answer.body.message).toContain('+13175550902');
    });

    row('IVR-3', 'a DNIS another IVR holds is 400', async () => {
      const first = await ivr({ name: 'Holder IVR', dnis: ['+13175550903'] });
      const answer = await refused(() => architect().postArchitectIvrs({ name: 'Taker IVR', dnis: ['+13175550903'] }));
      expectErrorBody(answer, 400, 'bad.request');
      expect(answer.body.message).toContain('Holder IVR');
      // The holder itself may keep (and resend) its numbers.
      expect(
        await ok(() => architect().putArchitectIvr(first.id, { name: 'Holder IVR', dnis: ['+13175550903'], version: first.version })),
      ).toMatchObject({ version: 2 });
    });

    row('IVR-4', 'a schedule group needs an open and a closed flow', async () => {
      const open = emulator.seedFlow(taskFlow('Open Flow', [{ refId: 'Main' }]));
      for (const body of [
        { scheduleGroup: { id: 'sg-1' } },
        { scheduleGroup: { id: 'sg-1' }, openHoursFlow: { id: open.id } },
        { scheduleGroup: { id: 'sg-1' }, closedHoursFlow: { id: open.id } },
      ]) {
        expectErrorBody(await refused(() => architect().postArchitectIvrs({ name: 'Scheduled IVR', ...body })), 400, 'bad.request');
      }
      expect(
        await ivr({ name: 'Scheduled IVR', scheduleGroup: { id: 'sg-1' }, openHoursFlow: { id: open.id }, closedHoursFlow: { id: open.id } }),
      ).toMatchObject({ scheduleGroup: { id: 'sg-1' } });
    });

    row('IVR-5', 'an update with a stale version is 409 "does not match the current version"', async () => {
      const created = await ivr({ name: 'Versioned IVR', dnis: ['+13175550905'] });
      const updated = await ok(() =>
        architect().putArchitectIvr(created.id, { name: 'Versioned IVR', dnis: ['+13175550906'], version: created.version }),
      );
      expect(updated.version).toBe(created.version + 1);
      const answer = await refused(() =>
        architect().putArchitectIvr(created.id, { name: 'Versioned IVR', dnis: ['+13175550907'], version: created.version }),
      );
      expectErrorBody(answer, 409);
      expect(answer.body.message).toContain('does not match the current version');
      expect((await ok(() => architect().getArchitectIvr(created.id))).dnis).toEqual(['+13175550906']);
    });

    row('IVR-6', 'an IVR carries state and version', async () => {
      const created = await ivr({ name: 'Stateful IVR' });
      expect(created).toMatchObject({ state: 'active', version: 1 });
      expect(await ok(() => architect().getArchitectIvr(created.id))).toMatchObject({
        id: created.id,
        name: 'Stateful IVR',
        state: 'active',
        version: 1,
        dateCreated: expect.any(String),
        dateModified: expect.any(String),
        selfUri: `/api/v2/architect/ivrs/${created.id}`,
      });
    });

    row('IVR-7', 'after a delete, GET of the IVR is 404', async () => {
      const created = await ivr({ name: 'Deleted IVR', dnis: ['+13175550908'] });
      expect(((await architect().deleteArchitectIvr(created.id)) as any).status).toBe(204);
      expectErrorBody(await refused(() => architect().getArchitectIvr(created.id)), 404, 'not.found');
      expectErrorBody(await refused(() => architect().deleteArchitectIvr(created.id)), 404, 'not.found');
      // Its numbers are free again.
      expect(await ivr({ name: 'Successor IVR', dnis: ['+13175550908'] })).toMatchObject({ dnis: ['+13175550908'] });
    });
  });

  describe('errors', () => {
    row('ERR-1', 'every API refusal is an ErrorBody', async () => {
      expectErrorBody(await refused(() => architect().getFlows({ type: ['nope'] })), 400);
      expectErrorBody(await refused(() => architect().getFlow('00000000-0000-0000-0000-000000000004')), 404);
      emulator.faults.add({ kind: 'status', status: 503, count: 1, path: '/api/v2/flows' });
      expectErrorBody(await api('/api/v2/flows').then(answer), 503, 'internal.server.error');
      emulator.faults.add({ kind: 'status', status: 409, count: 1, path: '/api/v2/flows' });
      expectErrorBody(await api('/api/v2/flows').then(answer), 409);
    });

    row('ERR-2', 'unknown routes and ids are 404 not.found', async () => {
      expectErrorBody(await api('/api/v2/nothing/here').then(answer), 404, 'not.found');
      expectErrorBody(await api('/api/v2/flows', { method: 'PUT' }).then(answer), 404, 'not.found');
      expectErrorBody(await refused(() => architect().getFlowsJob('00000000-0000-0000-0000-000000000005')), 404, 'not.found');
      expectErrorBody(await refused(() => architect().getFlowsExportJob('00000000-0000-0000-0000-000000000006')), 404, 'not.found');
      expectErrorBody(await refused(() => architect().getArchitectIvr('00000000-0000-0000-0000-000000000007')), 404, 'not.found');
    });

    row('ERR-3', 'a 429 carries Retry-After and the normalized body', async () => {
      const limited = await startEmulator({ rateLimitPerMinute: 1 });
      try {
        const t = (
          await fetch(`${limited.url}/oauth/token`, {
            method: 'POST',
            headers: { ...FORM, Authorization: basic() },
            body: 'grant_type=client_credentials',
          }).then(answer)
        ).body.access_token;
        const get = () => fetch(`${limited.url}/api/v2/organizations/me`, { headers: { Authorization: `Bearer ${t}` } }).then(answer);
        expect((await get()).status).toBe(200);
        const throttled = await get();
        expectErrorBody(throttled, 429, 'too.many.requests.retry.after');
        expect(Number(throttled.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      } finally {
        await limited.stop();
      }
      emulator.faults.add({ kind: 'status', status: 429, count: 1, retryAfterSeconds: 7, path: '/organizations/me' });
      const injected = await api('/api/v2/organizations/me').then(answer);
      expectErrorBody(injected, 429, 'too.many.requests.retry.after');
      expect(injected.headers['retry-after']).toBe('7');
    });
  });

  describe("the emulator's choices where the contract is silent (CONTRACT.md, last section)", () => {
    it('answers a malformed JSON body with 400, not 500', async () => {
      expectErrorBody(
        await api('/api/v2/flows/export/jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"flows": [' }).then(answer),
        400,
        'bad.request',
      );
      expectErrorBody(
        await api('/api/v2/architect/ivrs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '[]' }).then(answer),
        400,
        'bad.request',
      );
    });

    it('accepts multi-valued parameters repeated (Go SDK) or comma-joined (JS SDK)', async () => {
      emulator.seedFlow(moduleYaml('Multi Module'));
      const repeated = await api('/api/v2/flows?type=inboundcall&type=commonmodule&name=Multi').then(answer);
      const joined = await api('/api/v2/flows?type=inboundcall,commonmodule&name=Multi').then(answer);
      expect(repeated.body.entities.map((f: any) => f.name)).toEqual(['Multi Module']);
      expect(joined.body.entities).toEqual(repeated.body.entities);
    });

    it('lists flows by id by default, by name on request, and reversed with sortOrder=desc', async () => {
      ['Sorted C', 'Sorted A', 'Sorted B'].forEach((n) => emulator.seedFlow(moduleYaml(n)));
      const byId = await ok(() => architect().getFlows({ name: 'Sorted' }));
      expect(byId.entities.map((f: any) => f.id)).toEqual([...byId.entities.map((f: any) => f.id)].sort());
      const byName = await ok(() => architect().getFlows({ name: 'Sorted', sortBy: 'name', sortOrder: 'desc' }));
      expect(byName.entities.map((f: any) => f.name)).toEqual(['Sorted C', 'Sorted B', 'Sorted A']);
    });

    it('accepts a documented enum value in any letter case, and refuses only undocumented values', async () => {
      const module = emulator.seedFlow(moduleYaml('Any Case Module'));
      const lower = await ok(() => architect().getFlows({ type: ['commonmodule'], name: 'Any Case' }));
      for (const type of [['COMMONMODULE'], ['CommonModule'], ['inboundCall', 'commonModule']]) {
        expect((await ok(() => architect().getFlows({ type, name: 'Any Case' }))).entities).toEqual(lower.entities);
      }
      expect(lower.entities.map((f: any) => f.name)).toEqual(['Any Case Module']);
      expect(
        (
          await ok(() =>
            architect().getArchitectDependencytrackingConsumingresources(module.id, 'commonmoduleflow', {
              flowFilter: 'Published',
              resourceType: ['inboundcallflow'],
            }),
          )
        ).entities,
      ).toEqual([]);
      expect(
        (await ok(() => architect().getArchitectDependencytrackingConsumingresources(module.id, 'CommonModuleFlow', { flowFilter: 'CHECKEDIN' })))
          .entities,
      ).toEqual([]);
      expect((await exportJob([{ flow: { id: module.id }, exportType: 'yaml' }])).state.status).toBe('Success');
      const job = await ok(() => architect().postFlowsJobs());
      expect((await ok(() => architect().getFlowsJob(job.id, { expand: ['MESSAGES' as any] }))).status).toBe('Registered');
    });

    it('accepts an IVR update without version (last writer wins)', async () => {
      const created = await ivr({ name: 'Unversioned IVR' });
      expect(await ok(() => architect().putArchitectIvr(created.id, { name: 'Unversioned IVR', description: 'edited' }))).toMatchObject({
        version: 2,
        description: 'edited',
      });
    });

    it('answers a body over 10 MB with 413 (ErrorBody), authenticated or not, and keeps serving', async () => {
      const big = 'x'.repeat(10 * 1024 * 1024 + 1);
      expectErrorBody(
        await api('/api/v2/flows/export/jobs', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: big }).then(answer),
        413,
        'request.entity.too.large',
      );
      expectErrorBody(
        await fetch(`${emulator.url}/oauth/token`, { method: 'POST', headers: FORM, body: big }).then(answer),
        413,
        'request.entity.too.large',
      );
      expect((await api('/api/v2/organizations/me').then(answer)).status).toBe(200);
    });

    it('applies faults to the token endpoint only when their path names it, in its own error shape', async () => {
      emulator.faults.add({ kind: 'status', status: 503, count: 1 });
      expect((await login({ Authorization: basic() }, 'grant_type=client_credentials')).status).toBe(200);
      emulator.faults.clear();
      emulator.faults.add({ kind: 'status', status: 429, count: 1, retryAfterSeconds: 4, path: '/oauth/token' });
      const limited = await login({ Authorization: basic() }, 'grant_type=client_credentials');
      expect(limited).toMatchObject({ status: 429, body: { error: 'temporarily_unavailable' } });
      expect(limited.headers['retry-after']).toBe('4');
      expect((await login({ Authorization: basic() }, 'grant_type=client_credentials')).status).toBe(200);
    });
  });

  it('has a test for every row of emulator/CONTRACT.md, and no test for a row it does not have', () => {
    const table = fs.readFileSync(path.resolve(__dirname, '..', '..', 'emulator', 'CONTRACT.md'), 'utf8');
    const ids = [...table.matchAll(/^\| ([A-Z]+-\d+) \|/gm)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(40);
    expect([...covered].sort()).toEqual([...ids].sort());
  });
});
