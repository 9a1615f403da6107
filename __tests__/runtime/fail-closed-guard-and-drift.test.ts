import AdmZip from 'adm-zip';
import * as http from 'http';
import { AddressInfo } from 'net';
import { MAX_LISTED_ENTITIES, GenesysError, maxPages, readFlow, readListing } from '../../runtime/genesys';
import { exportFileName } from '../../runtime/architect/architect-ops';
import { exitCodeOf } from '../../runtime/drift/drift-format';
import { FlowCheckInput } from '../../runtime/flow-check/flow-check-input';
import { connect, emulatorEnv } from '../support/emulator';
import { Anomaly, LISTING_ANOMALIES, Via, exportAnomalies, failClosedWorld, listing, poll, run, runEach } from '../support/fail-closed';

/**
 * Issue 9, part 5: any answer that is not what the Genesys API contract promises means "could not
 * check" (GC4006): the destroy guard refuses (exit 2), drift is incomplete (CLI exit 1). Never "ok",
 * "already gone", "flow-missing" or "in sync" on data we could not read. Destroy guard cases marked
 * (compiled) run the shipped bundle in a child process, the others the handler's source in-process (see
 * `Via` in ../support/fail-closed.ts).
 */
describe('fail closed on answers that are not what the Genesys API promises', () => {
  const w = failClosedWorld();

  describe('destroy guard (handler) refuses when it cannot read who calls the shared flow', () => {
    const module = () => w.inputFor('TEST Shared PIN Auth', 'COMMONMODULE');

    it('lets the destroy proceed when the answers are readable (control, compiled)', async () => {
      const result = await w.handler('destroy', module(), 'compiled');
      expect(result.stdout).toContain('no published flow outside this stack calls it; destroy may proceed');
      expect(result.code).toBe(0);
    });

    it.each(runEach(LISTING_ANOMALIES, ['HTML 200']))('flow listing: $name ($via)', async (anomaly) => {
      w.fault(anomaly, '/api/v2/flows');
      const result = await w.handler('destroy', module(), anomaly.via);
      expect(result.stdout).not.toContain('already gone');
      expect(result.stderr).toMatch(/refusing to destroy: the destroy guard could not check the shared flow's callers: GC4006/);
      expect(result.stderr).toMatch(anomaly.says);
      expect(result.code).toBe(2);
    });

    it('looks the shared flow up by the id in its input: a failed GET of that id is "could not check", never "already gone"', async () => {
      const id = (await w.ops.findFlow('TEST Shared PIN Auth', 'COMMONMODULE'))!.id!;
      w.emulator.faults.add({ kind: 'status', status: 403, count: 1, path: `/api/v2/flows/${id}` });
      const refused = await w.handler('destroy', { ...module(), flowId: id }, 'in-process');
      expect(refused.stdout).not.toContain('already gone');
      expect(refused.stderr).toMatch(
        new RegExp(
          `refusing to destroy: the destroy guard could not check the shared flow's callers: GC4005 \\[GET /api/v2/flows/\\{id\\}\\] Genesys answered 403`,
        ),
      );
      expect(refused.code).toBe(2);
      const unknownId = await w.handler('destroy', { ...module(), flowId: '00000000-0000-4000-8000-000000000000' }, 'in-process');
      expect(unknownId.stdout).toContain("COMMONMODULE 'TEST Shared PIN Auth': already gone (no flow with id 00000000-0000-4000-8000-000000000000)");
      expect(unknownId.code).toBe(0);
    });

    it('without an id, refuses when the name listing is empty but states no total', async () => {
      w.fault({ name: '', body: listing({ pageCount: 1 }), says: /./ }, '/api/v2/flows');
      const result = await w.handler('destroy', module(), 'in-process');
      expect(result.stdout).not.toContain('already gone');
      expect(result.stderr).toContain('refusing to destroy: the flow listing found no shared flow by this name but stated no total');
      expect(result.code).toBe(2);
    });

    it.each<{ name: string; change: Record<string, unknown>; says: RegExp; via: Via }>([
      {
        name: 'stackCallers as a string (a substring match would pass callers outside the stack)',
        change: { stackCallers: 'TEST Sales IVR, Partner IVR' },
        says: /FLOW_CHECK_INPUT\.stackCallers is not a list of flow names/,
        via: 'compiled',
      },
      {
        name: 'stackCallers holding a number',
        change: { stackCallers: ['TEST Sales IVR', 7] },
        says: /FLOW_CHECK_INPUT\.stackCallers is not a list of flow names/,
        via: 'in-process',
      },
      { name: 'flowId that is not a string', change: { flowId: 42 }, says: /FLOW_CHECK_INPUT\.flowId is not a flow id/, via: 'in-process' },
      { name: 'flowId empty', change: { flowId: '' }, says: /FLOW_CHECK_INPUT\.flowId is not a flow id/, via: 'in-process' },
      {
        name: 'substitutions as a list',
        change: { substitutions: ['a'] },
        says: /FLOW_CHECK_INPUT\.substitutions is not an object of strings/,
        via: 'in-process',
      },
    ])('refuses an input with $name ($via)', async ({ change, says, via }) => {
      const result = await w.handler('destroy', { ...module(), ...change } as unknown as FlowCheckInput, via);
      expect(result.stderr).toMatch(/refusing to destroy: the destroy guard could not check the shared flow's callers: /);
      expect(result.stderr).toMatch(says);
      expect(result.code).toBe(2);
    });

    it.each<Anomaly>([
      {
        name: 'a consumer without a name',
        body: listing({ pageSize: 100, total: 1, pageCount: 1, entities: [{ id: 'f-1', type: 'INBOUNDCALLFLOW', version: '3.0' }] }),
        says: /a consuming flow has no name/,
      },
      { name: 'HTML 200', body: '<html><body>Gateway Timeout</body></html>', contentType: 'text/html', says: /an HTML\/XML page/ },
      {
        name: 'listing without entities',
        body: JSON.stringify({ pageSize: 100, pageNumber: 1, total: 2, pageCount: 1 }),
        says: /the listing has no entities array/,
      },
    ])('consumer listing: $name (in-process)', async (anomaly) => {
      w.fault(anomaly, '/dependencytracking/consumingresources');
      const result = await w.handler('destroy', module(), 'in-process');
      expect(result.stdout).not.toContain('destroy may proceed');
      expect(result.stderr).toMatch(/refusing to destroy: .*GC4006 \[GET \/api\/v2\/architect\/dependencytracking\/consumingresources\]/);
      expect(result.stderr).toMatch(anomaly.says);
      expect(result.code).toBe(2);
    });
  });

  describe('drift is incomplete, never "flow-missing" or "in sync", on data it cannot read', () => {
    it.each(LISTING_ANOMALIES)('flow listing: $name', async (anomaly) => {
      w.fault(anomaly, '/api/v2/flows');
      const report = await w.drift();
      expect(report.findings).toEqual([]);
      expect(report.complete).toBe(false);
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toMatch(/^listing flows failed: GC4006 \[GET \/api\/v2\/flows\]/);
      expect(report.errors[0]).toMatch(anomaly.says);
      expect(exitCodeOf([report])).toBe(1);
    });

    it.each(LISTING_ANOMALIES.filter((a) => a.name !== 'a flow without id'))('IVR listing: $name', async (anomaly) => {
      w.fault({ ...anomaly, body: anomaly.body.replace('"pageSize":500', '"pageSize":100').replace('of 500', 'of 100') }, '/api/v2/architect/ivrs');
      const report = await w.drift();
      expect(report.findings.filter((f) => f.resource === 'ivr')).toEqual([]);
      expect(report.complete).toBe(false);
      expect(report.errors.find((e) => e.startsWith('listing IVRs failed'))).toMatch(
        /^listing IVRs failed: GC4006 \[GET \/api\/v2\/architect\/ivrs\]/,
      );
      expect(exitCodeOf([report])).toBe(1);
    });

    it('IVR listing: an IVR without a name', async () => {
      w.fault(
        { name: '', body: listing({ pageSize: 100, total: 1, pageCount: 1, entities: [{ id: 'ivr-1', dnis: [] }] }), says: /./ },
        '/api/v2/architect/ivrs',
      );
      const report = await w.drift();
      expect(report.findings.filter((f) => f.resource === 'ivr')).toEqual([]);
      expect(report.errors.join('\n')).toMatch(/listing IVRs failed: GC4006 .*an IVR has no name/);
      expect(report.complete).toBe(false);
    });

    it.each(exportAnomalies('http://storage.invalid'))('export job: $name', async (anomaly) => {
      w.emulator.faults.add({
        kind: 'body',
        body: anomaly.body.replace('http://storage.invalid', w.storageUrl),
        contentType: 'application/json',
        status: 200,
        count: 1,
        path: '/api/v2/flows/export/jobs/',
      });
      const report = await w.drift();
      expect(report.findings.filter((f) => f.kind === 'flow-content-differs' || f.kind === 'flow-missing')).toEqual([]);
      expect(report.complete).toBe(false);
      expect(report.errors.join('\n')).toMatch(/exporting flows failed: GC4006/);
      expect(report.errors.join('\n')).toMatch(anomaly.says);
      expect(exitCodeOf([report])).toBe(1);
    });

    it.each([
      ['HTML 200', LISTING_ANOMALIES[0]],
      ['pageCount 1e9', LISTING_ANOMALIES[4]],
    ])(
      'npm run drift (compiled) exits 1, status incomplete, on a flow listing with %s',
      async (_name, anomaly) => {
        w.fault(anomaly, '/api/v2/flows');
        const result = await run('dist/tools/drift.js', ['--env', 'test', '--format', 'json'], emulatorEnv(w.emulator));
        const json = JSON.parse(result.stdout);
        expect(json.status).toBe('incomplete');
        expect(json.stacks[0]).toMatchObject({ complete: false, findings: [] });
        expect(json.stacks[0].errors[0]).toMatch(anomaly.says);
        expect(result.code).toBe(1);
      },
      60000,
    );
  });

  describe('exports and paging, read through ArchitectOps', () => {
    const refs = () =>
      [...w.emulator.org.flows.values()]
        .filter((f) => f.publishedVersionId)
        .slice(0, 2)
        .map((f) => ({ id: f.id, version: f.publishedVersionId! }));
    const successAt = (url: string) =>
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ id: 'job-1', status: 'Success', downloadUrl: url }),
        status: 200,
        count: 1,
        path: '/api/v2/flows/export/jobs/',
      });

    it('rejects a zip whose file for a flow is an HTML page', async () => {
      const [a, b] = refs();
      const zip = new AdmZip();
      zip.addFile(`${exportFileName(a.id, 0)}.yaml`, Buffer.from('inboundCall:\n  name: A\n'));
      zip.addFile(`${exportFileName(b.id, 1)}.yaml`, Buffer.from('<html><body>Expired</body></html>'));
      w.zipServed = zip.toBuffer();
      successAt(`${w.storageUrl}/zip`);
      await expect(w.ops.exportVersions([a, b], poll)).rejects.toMatchObject({
        code: 'GC4006',
        message: expect.stringMatching(
          new RegExp(`file for flow ${b.id}\\] the answer is not what the Genesys API promises: the exported file is an HTML/XML page`),
        ),
      });
    });

    it('rejects a zip that cannot be read', async () => {
      w.zipServed = Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(64, 7)]);
      successAt(`${w.storageUrl}/zip`);
      await expect(w.ops.exportVersions(refs(), poll)).rejects.toMatchObject({
        code: 'GC4006',
        message: expect.stringContaining('the zip cannot be read'),
      });
    });

    it('rejects a page that only repeats the previous one, instead of following it to the bound', async () => {
      const flow = readFlow('seed', JSON.parse(JSON.stringify((await w.ops.listFlows(['inboundcall']))[0])));
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ entities: [flow], pageSize: 1, total: 2, pageCount: 2 }),
        status: 200,
        count: 2,
        path: '/api/v2/flows',
      });
      const calls = w.ops.client.apiCalls;
      await expect(w.ops.listFlows(['inboundcall'])).rejects.toMatchObject({
        code: 'GC4006',
        message: expect.stringContaining(
          '[GET /api/v2/flows (page 2)] the answer is not what the Genesys API promises: page 2 only repeats entities of earlier pages',
        ),
      });
      expect(w.ops.client.apiCalls - calls).toBe(2);
    });

    it('rejects a server that answers page 1 again when page 2 is asked for', async () => {
      const flow = readFlow('seed', JSON.parse(JSON.stringify((await w.ops.listFlows(['inboundcall']))[0])));
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ entities: [flow], pageSize: 1, pageNumber: 1, total: 2, pageCount: 2 }),
        status: 200,
        count: 2,
        path: '/api/v2/flows',
      });
      await expect(w.ops.listFlows(['inboundcall'])).rejects.toMatchObject({
        code: 'GC4006',
        message: expect.stringContaining('answered page 1 when page 2 was asked for'),
      });
    });

    it('rejects a page before the last that holds fewer entities than a page (no total given)', async () => {
      const flow = readFlow('seed', JSON.parse(JSON.stringify((await w.ops.listFlows(['inboundcall']))[0])));
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ entities: [flow], pageSize: 2, pageNumber: 1, pageCount: 3 }),
        status: 200,
        count: 1,
        path: '/api/v2/flows',
      });
      await expect(w.ops.listFlows(['inboundcall'])).rejects.toMatchObject({
        code: 'GC4006',
        message: expect.stringContaining('only 1 entities on page 1 of 3 (pages before the last hold 2)'),
      });
    });

    it('bounds paging: at most MAX_LISTED_ENTITIES / pageSize pages', () => {
      expect(MAX_LISTED_ENTITIES).toBe(50_000);
      expect(maxPages(500)).toBe(100);
      expect(maxPages(100)).toBe(500);
      // The last page of the largest listing allowed, then one page more than allowed.
      const last = { entities: [], pageSize: 500, pageNumber: 100, pageCount: 100 };
      expect(readListing('GET /api/v2/flows', last, { pageNumber: 100, pageSize: 500 }, readFlow).pageCount).toBe(100);
      const first = { entities: [], pageSize: 500, pageNumber: 1, pageCount: 101 };
      expect(() => readListing('GET /api/v2/flows', first, { pageNumber: 1, pageSize: 500 }, readFlow)).toThrow(
        /GC4006 .*pageCount 101 is beyond the bound of 100 pages of 500 \(50000 entities\)/,
      );
    });
  });

  describe('paged listings must add up across pages', () => {
    const stackCaller = (i: number) => ({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: 'TEST Sales IVR',
      type: 'INBOUNDCALLFLOW',
      version: '1.0',
    });

    it('destroy guard (handler, in-process) refuses when page 2 states another total than page 1 and is empty', async () => {
      // Page 1: 100 w.stack callers of 101, 2 pages; page 2: "100 in all, 1 page", nothing on it. The 101st
      // consumer (possibly outside the w.stack) is on no page we read.
      const page1 = { entities: Array.from({ length: 100 }, (_, i) => stackCaller(i)), pageSize: 100, pageNumber: 1, total: 101, pageCount: 2 };
      const page2 = { entities: [], pageSize: 100, pageNumber: 2, total: 100, pageCount: 1 };
      w.emulator.faults.add({ kind: 'body', body: JSON.stringify(page1), count: 1, path: '/dependencytracking/consumingresources' });
      w.emulator.faults.add({ kind: 'body', body: JSON.stringify(page2), count: 1, path: '/dependencytracking/consumingresources' });
      const result = await w.handler('destroy', w.inputFor('TEST Shared PIN Auth', 'COMMONMODULE'), 'in-process');
      expect(result.stdout).not.toContain('destroy may proceed');
      expect(result.stderr).toMatch(
        /refusing to destroy: .*GC4006 \[GET \/api\/v2\/architect\/dependencytracking\/consumingresources \(page 2\)\].*page 2 states total 100 but page 1 stated 101/,
      );
      expect(result.code).toBe(2);
    });

    it('rejects pages whose distinct entities fall short of the total they state (an entity counted twice)', async () => {
      const [a, b, c] = (await w.ops.listFlows(['inboundcall'])).map((f) => readFlow('seed', JSON.parse(JSON.stringify(f))));
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ entities: [a, b], pageSize: 2, pageNumber: 1, total: 4, pageCount: 2 }),
        count: 1,
        path: '/api/v2/flows',
      });
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ entities: [b, c], pageSize: 2, pageNumber: 2, total: 4, pageCount: 2 }),
        count: 1,
        path: '/api/v2/flows',
      });
      await expect(w.ops.listFlows(['inboundcall'])).rejects.toMatchObject({
        code: 'GC4006',
        message: expect.stringContaining('the pages hold 3 distinct entities but every page states a total of 4'),
      });
    });

    it('rejects a listing without total whose pageCount changes between pages', async () => {
      const [a, b] = (await w.ops.listFlows(['inboundcall'])).map((f) => readFlow('seed', JSON.parse(JSON.stringify(f))));
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ entities: [a], pageSize: 1, pageNumber: 1, pageCount: 3 }),
        count: 1,
        path: '/api/v2/flows',
      });
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ entities: [b], pageSize: 1, pageNumber: 2, pageCount: 2 }),
        count: 1,
        path: '/api/v2/flows',
      });
      await expect(w.ops.listFlows(['inboundcall'])).rejects.toMatchObject({
        code: 'GC4006',
        message: expect.stringContaining('page 2 states pageCount 2 but page 1 stated 3'),
      });
    });

    it('reads a listing whose pages add up (control)', async () => {
      const [a, b, c] = (await w.ops.listFlows(['inboundcall'])).map((f) => readFlow('seed', JSON.parse(JSON.stringify(f))));
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ entities: [a, b], pageSize: 2, pageNumber: 1, total: 3, pageCount: 2 }),
        count: 1,
        path: '/api/v2/flows',
      });
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ entities: [c], pageSize: 2, pageNumber: 2, total: 3, pageCount: 2 }),
        count: 1,
        path: '/api/v2/flows',
      });
      expect((await w.ops.listFlows(['inboundcall'])).map((f) => f.id)).toEqual([a.id, b.id, c.id]);
    });
  });

  describe('presigned URLs never leak their credentials', () => {
    const successAt = (url: string, count = 1) =>
      w.emulator.faults.add({
        kind: 'body',
        body: JSON.stringify({ id: 'job-1', status: 'Success', downloadUrl: url }),
        status: 200,
        count,
        path: '/api/v2/flows/export/jobs/',
      });
    const ref = () => {
      const flow = [...w.emulator.org.flows.values()].find((f) => f.publishedVersionId)!;
      return [{ id: flow.id, version: flow.publishedVersionId! }];
    };

    it('refuses a download URL with user:password@ up front (GC4006, no request, no retry), printing neither password nor signature', async () => {
      const before = w.storageRequests;
      const url = `${w.storageUrl.replace('http://', 'http://svc:Pa55w0rd@')}/zip?X-Amz-Signature=s3cr3tsig&X-Amz-Credential=AKIAEXAMPLE`;
      successAt(url, 5);
      const error = await w.ops.exportVersions(ref(), poll).catch((e) => e);
      expect(error).toBeInstanceOf(GenesysError);
      expect(error.code).toBe('GC4006');
      expect(error.message).toContain('the download URL carries credentials (user:password@)');
      expect(w.storageRequests).toBe(before);
      const everything = error.message + JSON.stringify(error) + String(error.stack);
      for (const secret of ['Pa55w0rd', 'svc:', 's3cr3tsig', 'AKIAEXAMPLE']) expect(everything).not.toContain(secret);
    });

    it('a network error on a signed URL carries neither the signature nor the credential of the query', async () => {
      const closed = http.createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const client = await connect(w.emulator, { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 } });
      const error = await client
        .download(`http://127.0.0.1:${port}/dl?X-Amz-Signature=s3cr3tsig&X-Amz-Credential=AKIAEXAMPLE%2F20240501`)
        .catch((e) => e);
      expect(error).toMatchObject({ code: 'GC4004' });
      expect(error.message).toMatch(/network error: fetch failed \(ECONNREFUSED\)/);
      const everything = error.message + JSON.stringify(error) + String(error.stack);
      for (const secret of ['s3cr3tsig', 'AKIAEXAMPLE', 'X-Amz-Signature=']) expect(everything).not.toContain(secret);
    });
  });

  describe('the client', () => {
    it('fails a non-JSON 200 with GC4006 at once (no retry), with a bounded, scrubbed excerpt', async () => {
      const client = w.ops.client;
      const page = `<html><body>${'x'.repeat(5000)} Authorization: Bearer eyJhbGciOi.secret-part access_token=tok123</body></html>`;
      w.emulator.faults.add({
        kind: 'body',
        body: page.replace(/x{5000}/, ''),
        contentType: 'text/html',
        status: 200,
        count: 1,
        path: '/organizations/me',
      });
      const calls = client.apiCalls;
      const error = await client.call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe()).catch((e) => e);
      expect(error).toBeInstanceOf(GenesysError);
      expect(error).toMatchObject({ code: 'GC4006', where: 'GET /api/v2/organizations/me' });
      expect(client.apiCalls - calls).toBe(1);
      const everything = error.message + JSON.stringify(error);
      expect(everything).not.toContain('secret-part');
      expect(everything).not.toContain('tok123');

      w.emulator.faults.add({ kind: 'body', body: page, contentType: 'text/html', status: 200, count: 1, path: '/organizations/me' });
      const long = await client.call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe()).catch((e) => e);
      expect(long.code).toBe('GC4006');
      expect(String(long.value).length).toBeLessThanOrEqual(121);
      expect(long.message.length).toBeLessThan(600);
    });

    it.each<[string, string]>([
      ['JSON null', 'null'],
      ['a JSON string', '"ok"'],
      ['a JSON number', '42'],
    ])('fails a 200 carrying %s instead of an object', async (_name, body) => {
      w.emulator.faults.add({ kind: 'body', body, status: 200, count: 1, path: '/organizations/me' });
      await expect(w.ops.client.call('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe())).rejects.toMatchObject({
        code: 'GC4006',
      });
    });

    it('still retries 5xx and 429 and then reads the answer', async () => {
      w.emulator.faults.add({ kind: 'status', status: 503, count: 1, path: '/organizations/me' });
      w.emulator.faults.add({ kind: 'status', status: 429, count: 1, retryAfterSeconds: 0, path: '/organizations/me' });
      const org = await w.ops.client.call<{ name: string }>('GET /api/v2/organizations/me', (a) => a.organization.getOrganizationsMe());
      expect(org.name).toBe('Emulated Org');
    });
  });
});
